"""The logbook section of a person's download: their own writing, from the logbooks
they can still read; for the others a count."""

import pytest
from django.utils import timezone

from bifrost.accounts.models import Membership
from bifrost.core import personal_data
from logbook.models import EntryComment
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _logbook_section(user) -> dict:
    return personal_data.collect(user)["sections"]["logbook"]


def test_an_owner_gets_their_entries_with_their_text(owner, logbook):
    EntryFactory(logbook=logbook, author=owner, body="Mine, in full")
    section = _logbook_section(owner)
    assert [e["body"] for e in section["entries_authored"]] == ["Mine, in full"]
    assert section["entries_authored"][0]["logbook"]["company"] == logbook.company.name


def test_someone_who_left_the_company_gets_a_count_not_the_text(owner, logbook):
    EntryFactory(logbook=logbook, author=owner, body="Written while I was there")
    Membership.objects.filter(user=owner).delete()
    section = _logbook_section(owner)
    assert section["entries_authored"] == []
    assert section["not_shown_in_logbooks_you_can_no_longer_read"]["entries_authored"] == 1
    assert "Written while I was there" not in str(section)


def test_a_consented_advisor_gets_their_comments_not_the_entry(consented_advisor, entry):
    EntryComment.objects.create(entry=entry, author=consented_advisor, text="My comment")
    section = _logbook_section(consented_advisor)
    assert [(c["entry_id"], c["text"]) for c in section["comments"]] == [(entry.pk, "My comment")]
    assert entry.body not in str(section)


def test_an_advisor_whose_company_withdrew_consent_gets_a_count(consented_advisor, entry, logbook):
    EntryComment.objects.create(entry=entry, author=consented_advisor, text="My comment")
    logbook.share_with_advisor = False
    logbook.save()
    section = _logbook_section(consented_advisor)
    assert section["comments"] == []
    assert section["not_shown_in_logbooks_you_can_no_longer_read"]["comments"] == 1


def test_reading_as_a_researcher_does_not_count(researcher, entry, logbook):
    """A facilitator who reads consented logbooks for research is not given their
    contents: the download is about the person."""
    logbook.share_with_researchers = True
    logbook.save()
    EntryComment.objects.create(entry=entry, author=researcher, text="Researcher note")
    section = _logbook_section(researcher)
    assert section["comments"] == []
    assert section["not_shown_in_logbooks_you_can_no_longer_read"]["comments"] == 1


def test_replies_say_what_they_answer_and_deleted_comments_are_gone(
    consented_advisor, entry, owner
):
    theirs = EntryComment.objects.create(entry=entry, author=consented_advisor, text="THEIRS")
    EntryComment.objects.create(entry=entry, author=owner, text="My reply", parent=theirs)
    EntryComment.objects.create(entry=entry, author=owner, text="Gone", deleted_at=timezone.now())
    comments = _logbook_section(owner)["comments"]
    assert [(c["text"], c["in_reply_to"]) for c in comments] == [("My reply", theirs.pk)]
    assert "THEIRS" not in str(comments)
