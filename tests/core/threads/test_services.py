"""The writes every thread shares (bifrost.core.threads.services): post and reply
(one level), edit by the author inside 15 minutes, delete by the author (a
placeholder while replies hang on it)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from bifrost.core.threads import services
from bifrost.core.threads.models import EDIT_WINDOW
from logbook.models import EntryComment
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _post(subject, by, text="Godt set", parent=None) -> EntryComment:
    return services.thread_comment_post(
        comment=EntryComment(entry=subject, author=by, text=text, parent=parent)
    )


def _age(comment, minutes: int) -> None:
    EntryComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )
    comment.refresh_from_db()


def test_a_comment_is_saved_stripped_and_a_reply_refers_to_it(subject, owner, case):
    comment = _post(subject, case.advisor, "  Godt set  ")
    reply = _post(subject, owner, "Tak", parent=comment)
    assert comment.text == "Godt set"
    assert reply.parent == comment
    assert list(comment.replies.all()) == [reply]


def test_a_reply_to_a_reply_joins_the_thread_of_the_first_comment(subject, owner, case):
    comment = _post(subject, case.advisor)
    reply = _post(subject, owner, parent=comment)
    answer = _post(subject, case.advisor, parent=reply)
    assert answer.parent == comment


def test_an_empty_comment_or_one_too_long_is_refused(subject, owner):
    for text in ("   ", "x" * 3001):
        with pytest.raises(ValidationError):
            _post(subject, owner, text)
    assert not EntryComment.objects.exists()


def test_a_reply_must_answer_a_comment_on_the_same_subject(subject, logbook, owner):
    elsewhere = _post(EntryFactory(logbook=logbook, author=owner), owner)
    with pytest.raises(ValidationError):
        _post(subject, owner, parent=elsewhere)


def test_a_deleted_comment_cannot_be_answered(subject, owner, case, english):
    comment = _post(subject, case.advisor)
    _post(subject, owner, parent=comment)
    services.thread_comment_delete(comment=comment, by=case.advisor)
    comment.refresh_from_db()
    with pytest.raises(ValidationError, match="deleted"):
        _post(subject, owner, parent=comment)


def test_the_author_edits_within_15_minutes(subject, owner):
    comment = _post(subject, owner)
    _age(comment, 14)
    edited = services.thread_comment_edit(comment=comment, by=owner, text=" Rettet ")
    assert edited.text == "Rettet"
    assert edited.edited_at is not None


def test_after_15_minutes_the_edit_is_refused_and_nothing_changes(subject, owner, english):
    comment = _post(subject, owner)
    _age(comment, 16)
    with pytest.raises(ValidationError, match="first 15 minutes"):
        services.thread_comment_edit(comment=comment, by=owner, text="Rettet")
    comment.refresh_from_db()
    assert comment.text == "Godt set" and comment.edited_at is None


def test_the_window_is_measured_from_posting_at_a_given_moment(subject, owner):
    comment = _post(subject, owner)
    later = comment.created_at + EDIT_WINDOW
    assert comment.is_editable(later - timedelta(seconds=1))
    assert not comment.is_editable(later)
    with pytest.raises(ValidationError):
        services.thread_comment_edit(comment=comment, by=owner, text="Rettet", now=later)


def test_nobody_edits_or_deletes_someone_elses_comment(subject, owner, case):
    comment = _post(subject, case.advisor)
    with pytest.raises(ValidationError):
        services.thread_comment_edit(comment=comment, by=owner, text="Mit nu")
    with pytest.raises(ValidationError):
        services.thread_comment_delete(comment=comment, by=owner)
    comment.refresh_from_db()
    assert comment.text == "Godt set" and not comment.is_deleted


def test_deleting_a_comment_without_replies_removes_it(subject, owner):
    comment = _post(subject, owner)
    assert services.thread_comment_delete(comment=comment, by=owner) is False
    assert not EntryComment.objects.exists()


def test_deleting_a_comment_with_replies_leaves_a_placeholder(subject, owner, case):
    comment = _post(subject, case.advisor, "Hemmelig tanke")
    reply = _post(subject, owner, parent=comment)
    assert services.thread_comment_delete(comment=comment, by=case.advisor) is True
    comment.refresh_from_db()
    assert comment.is_deleted and comment.text == "" and comment.author is None
    assert EntryComment.objects.get(pk=reply.pk).parent_id == comment.pk
    # A placeholder is nobody's: it cannot be edited or deleted again.
    with pytest.raises(ValidationError):
        services.thread_comment_delete(comment=comment, by=case.advisor)


def test_the_placeholder_goes_with_its_last_reply(subject, owner, case):
    comment = _post(subject, case.advisor)
    first, second = _post(subject, owner, parent=comment), _post(subject, owner, parent=comment)
    services.thread_comment_delete(comment=comment, by=case.advisor)
    services.thread_comment_delete(comment=first, by=owner)
    assert EntryComment.objects.filter(pk=comment.pk).exists()
    services.thread_comment_delete(comment=second, by=owner)
    assert not EntryComment.objects.exists()


def test_a_deleted_comment_cannot_be_edited(subject, owner, case):
    comment = _post(subject, case.advisor)
    _post(subject, owner, parent=comment)
    services.thread_comment_delete(comment=comment, by=case.advisor)
    with pytest.raises(ValidationError):
        services.thread_comment_edit(comment=comment, by=case.advisor, text="Igen")
