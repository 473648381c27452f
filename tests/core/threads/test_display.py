"""A thread as a page shows it (bifrost.core.threads.display): replies under the
comment they answer, the author's own buttons only while they may use them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bifrost.core.threads import display, services
from logbook.models import EntryComment

pytestmark = pytest.mark.django_db


def _post(subject, by, parent=None) -> EntryComment:
    return services.thread_comment_post(
        comment=EntryComment(entry=subject, author=by, text="Tekst", parent=parent)
    )


def _build(comments, viewer, *, can_post=True, **kwargs):
    return display.build(
        comments,
        viewer=viewer,
        can_post=can_post,
        url_for=lambda action, comment: f"/{action}/{comment.pk}/",
        post_url="/post/",
        heading="Comments",
        empty_text="None",
        read_only_text="Read only",
        **kwargs,
    )


def test_replies_sit_under_the_comment_they_answer(subject, owner, case):
    first = _post(subject, case.advisor)
    reply = _post(subject, owner, parent=first)
    second = _post(subject, owner)
    thread = _build([first, reply, second], owner)
    assert [node.comment for node in thread.nodes] == [first, second]
    assert [child.comment for child in thread.nodes[0].replies] == [reply]
    assert thread.nodes[0].replies[0].answers == first
    assert thread.count == 3


def test_own_comments_get_edit_and_delete_others_only_reply(subject, owner, case):
    mine, theirs = _post(subject, owner), _post(subject, case.advisor)
    thread = _build([mine, theirs], owner)
    own, other = thread.nodes
    assert (own.edit_url, own.delete_url) == (f"/edit/{mine.pk}/", f"/delete/{mine.pk}/")
    assert (other.edit_url, other.delete_url) == ("", "")
    assert other.reply_url == f"/reply/{theirs.pk}/" and other.reply_form is not None
    assert thread.form is not None and thread.post_url == "/post/"


def test_after_15_minutes_the_edit_button_is_gone_but_delete_stays(subject, owner):
    mine = _post(subject, owner)
    node = _build([mine], owner, now=timezone.now() + timedelta(minutes=15)).nodes[0]
    assert node.edit_url == ""
    assert node.delete_url == f"/delete/{mine.pk}/"


def test_a_reader_who_may_not_post_gets_no_form_or_button(subject, owner, facilitator):
    mine = _post(subject, owner)
    thread = _build([mine], owner, can_post=False)
    node = thread.nodes[0]
    assert (node.edit_url, node.delete_url, node.reply_url, node.reply_form) == ("", "", "", None)
    assert thread.form is None and thread.read_only_text == "Read only"


def test_a_placeholder_is_not_answered_nor_counted(subject, owner, case):
    first = _post(subject, case.advisor)
    reply = _post(subject, owner, parent=first)
    services.thread_comment_delete(comment=first, by=case.advisor)
    first.refresh_from_db()
    thread = _build([first, reply], case.advisor)
    assert thread.nodes[0].reply_form is None and thread.nodes[0].delete_url == ""
    assert thread.count == 1


def test_a_bound_reply_form_is_shown_open_under_its_comment(subject, owner, case):
    first, second = _post(subject, case.advisor), _post(subject, case.advisor)
    bound = display.reply_form({"text": ""}, to=second.pk)
    thread = _build([first, second], owner, reply_form=bound, reply_to=second.pk)
    assert thread.nodes[1].reply_form is bound and thread.nodes[1].reply_open
    assert thread.nodes[0].reply_form is not bound and not thread.nodes[0].reply_open
