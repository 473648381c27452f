"""Writes in an entry's thread (logbook.comments.services): what is the logbook's on
top of the core's thread behaviour."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from logbook.comments import services
from logbook.models import EntryComment

pytestmark = pytest.mark.django_db


def test_both_sides_post_and_reply(entry, owner, case):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    reply = services.comment_add(entry=entry, by=owner, text="Tak", parent=comment)
    assert list(entry.comments.order_by("pk")) == [comment, reply]
    assert reply.parent == comment


def test_a_deleted_entry_takes_no_comments(entry, owner):
    entry.deleted_at = timezone.now()
    entry.save()
    with pytest.raises(ValidationError):
        services.comment_add(entry=entry, by=owner, text="Hej")
    assert not EntryComment.objects.exists()


def test_edit_and_delete_are_the_authors_only(entry, owner, case):
    comment = services.comment_add(entry=entry, by=case.advisor, text="Godt set")
    with pytest.raises(ValidationError):
        services.comment_edit(comment=comment, by=owner, text="Ændret")
    with pytest.raises(ValidationError):
        services.comment_delete(comment=comment, by=owner)
    assert services.comment_edit(comment=comment, by=case.advisor, text="Ændret").text == "Ændret"
    assert services.comment_delete(comment=comment, by=case.advisor) is False
    assert not EntryComment.objects.exists()
