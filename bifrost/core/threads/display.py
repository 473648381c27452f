"""A thread as a page shows it: top-level comments with their replies under them,
and for the person looking, which buttons and forms each comment gets.

The app's view passes what only it knows (may this person post here, the URLs
of its reply / edit / delete views, the headings); the partial
`core/threads/_thread.html` renders the result. Nothing here queries.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import Promise

from bifrost.core.threads.forms import CommentForm, ReplyForm
from bifrost.core.threads.models import ThreadComment

#: ("reply" | "edit" | "delete", comment) -> the URL of the app's view.
UrlFor = Callable[[str, ThreadComment], str]


@dataclass
class Node:
    comment: ThreadComment
    #: For a reply: the comment it answers (shown as "in reply to …").
    answers: ThreadComment | None = None
    replies: list["Node"] = field(default_factory=list)
    edit_url: str = ""
    delete_url: str = ""
    reply_url: str = ""
    reply_form: forms.Form | None = None
    reply_open: bool = False


@dataclass
class Thread:
    nodes: list[Node]
    count: int
    heading: str | Promise
    empty_text: str | Promise
    post_url: str = ""
    form: forms.Form | None = None
    #: For people who may read but not write (researchers, a closed case).
    read_only_text: str | Promise = ""
    anchor: str = "comments"


def _node(comment, *, viewer, can_post: bool, url_for: UrlFor, now: datetime) -> Node:
    node = Node(comment=comment)
    own = can_post and not comment.is_deleted and comment.author_id == viewer.pk
    if own and comment.is_editable(now):
        node.edit_url = url_for("edit", comment)
    if own:
        node.delete_url = url_for("delete", comment)
    return node


def build(
    comments: Iterable[ThreadComment],
    *,
    viewer: Any,
    can_post: bool,
    url_for: UrlFor,
    post_url: str,
    heading: str | Promise,
    empty_text: str | Promise,
    read_only_text: str | Promise = "",
    form: forms.Form | None = None,
    reply_form: forms.Form | None = None,
    reply_to: int | None = None,
    now: datetime | None = None,
) -> Thread:
    """The thread of `comments` (one subject's, oldest first) for `viewer`.

    `form` / `reply_form` are bound forms to show again with their errors (the
    reply one under comment `reply_to`); blank ones are made where the viewer may
    post."""
    now = now or timezone.now()
    comments = list(comments)
    top_ids = {c.pk for c in comments if c.parent_id is None}
    replies: dict[int, list[ThreadComment]] = defaultdict(list)
    nodes = []
    for comment in comments:
        parent_id = comment.parent_id
        if parent_id is not None and parent_id in top_ids:
            replies[parent_id].append(comment)
        else:
            nodes.append(_node(comment, viewer=viewer, can_post=can_post, url_for=url_for, now=now))
    for node in nodes:
        top = node.comment
        for reply in replies.get(top.pk, []):
            child = _node(reply, viewer=viewer, can_post=can_post, url_for=url_for, now=now)
            child.answers = top
            node.replies.append(child)
        if can_post and not top.is_deleted:
            node.reply_url = url_for("reply", top)
            bound = reply_form is not None and reply_to == top.pk
            node.reply_form = reply_form if bound else ReplyForm(auto_id=f"id_reply_{top.pk}_%s")
            node.reply_open = bound
    return Thread(
        nodes=nodes,
        count=sum(not c.is_deleted for c in comments),
        heading=heading,
        empty_text=empty_text,
        post_url=post_url if can_post else "",
        form=(form or CommentForm()) if can_post else None,
        read_only_text="" if can_post else read_only_text,
    )


def reply_form(data, *, to: int) -> ReplyForm:
    """A reply form bound to `data`, with the ids the thread gives the one under `to`."""
    return ReplyForm(data, auto_id=f"id_reply_{to}_%s")
