"""The logbook's dashboard reads: the logbook at a glance, comments from outside the
company, and the entries an advisor has not seen since her last read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry
from logbook.dashboards import selectors
from logbook.models import EntryComment, Logbook, ReadinessCheck
from tests import factories
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _read(user, logbook, *, kind="logbook", ago=timedelta(0)):
    AccessLogEntry.objects.create(
        organisation=logbook.company,
        user=user,
        user_label=user.email,
        role="advisor",
        action=AccessLogEntry.Action.READ,
        object_kind=kind,
        object_id=logbook.pk,
        created_at=timezone.now() - ago,
    )


def test_at_a_glance_the_latest_live_entry_and_the_readiness(logbook, owner):
    today = timezone.localdate()
    EntryFactory(logbook=logbook, title="Ældre", entry_date=today - timedelta(days=9))
    EntryFactory(logbook=logbook, title="Nyeste", entry_date=today - timedelta(days=1))
    EntryFactory(logbook=logbook, title="Slettet", entry_date=today, deleted_at=timezone.now())
    ReadinessCheck.objects.create(logbook=logbook, taken_on=today - timedelta(weeks=7), scores={})
    [glance] = selectors.logbooks_at_a_glance(Logbook.objects.all(), today=today)
    assert glance.last_entry.title == "Nyeste"
    assert glance.entry_count == 2
    assert glance.readiness.overdue  # more than six weeks


def test_comments_by_outsiders_only(logbook, owner, enrolled_advisor):
    entry = EntryFactory(logbook=logbook)
    gone = EntryFactory(logbook=logbook, deleted_at=timezone.now())
    colleague = factories.smv_owner(organisation=logbook.company)
    since = timezone.now() - timedelta(minutes=1)
    theirs = EntryComment.objects.create(entry=entry, author=enrolled_advisor, text="a")
    EntryComment.objects.create(entry=entry, author=colleague, text="b")
    EntryComment.objects.create(entry=gone, author=enrolled_advisor, text="c")
    # A comment its author deleted (a placeholder in the thread) is no news either.
    EntryComment.objects.create(
        entry=entry, author=enrolled_advisor, text="", deleted_at=timezone.now()
    )
    found = selectors.comments_by_outsiders_since(Logbook.objects.all(), since=since)
    assert found == [theirs]
    assert selectors.comments_by_outsiders_since(Logbook.objects.all(), since=timezone.now()) == []


def test_unseen_entries_count_from_the_last_read_of_the_logbook(logbook, enrolled_advisor):
    EntryFactory(logbook=logbook)
    key = (logbook.programme_id, logbook.company_id)
    unseen = selectors.entries_unseen_by(enrolled_advisor, Logbook.objects.all())[key]
    assert (unseen.count, unseen.last_read) == (1, None)
    _read(enrolled_advisor, logbook)
    _read(factories.advisor(), logbook)  # someone else's read counts for nothing
    _read(enrolled_advisor, logbook, kind="readiness")  # nor does another page
    EntryFactory(logbook=logbook)
    unseen = selectors.entries_unseen_by(enrolled_advisor, Logbook.objects.all())[key]
    assert unseen.count == 1 and unseen.last_read is not None
