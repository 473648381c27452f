"""The thread on an entry's page, for the person looking (used by the entry page
and by the comment views when they show it again with a form's errors)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.threads import display
from logbook.comments import selectors
from logbook.models import Entry, Logbook

POST = "logbook.comment_entry"


def entry_thread(
    request, logbook: Logbook, entry: Entry, *, form=None, reply_form=None, reply_to=None
) -> display.Thread:
    can_post = request.user.has_perm(POST, logbook)

    def url_for(action: str, comment) -> str:
        return reverse(f"logbook:entry_comment_{action}", args=[logbook.pk, entry.pk, comment.pk])

    return display.build(
        selectors.comments(entry),
        viewer=request.user,
        can_post=can_post,
        url_for=url_for,
        post_url=reverse("logbook:entry_comment", args=[logbook.pk, entry.pk]),
        heading=_("Comments"),
        empty_text=_(
            "No comments yet. The company and its advisor can comment on this entry and "
            "answer each other; the comments appear here."
        ),
        read_only_text=_("You can read the comments; only the company and its advisor write here."),
        form=form,
        reply_form=reply_form,
        reply_to=reply_to,
    )
