"""The logbook reminder before a development meeting when nothing was written for 14 days."""

from datetime import timedelta

import pytest
from django.utils import timezone

from logbook.models import LogbookReminder
from logbook.reminders import services as reminders
from programme.models import Enrolment, Meeting
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminded_meeting(programme):
    """Development meeting 3: the meeting the reminders are for."""
    return programme.meetings.get(number=3)


@pytest.fixture
def now(reminded_meeting):
    """Two days before the meeting: inside the three-day sending window."""
    return reminded_meeting.starts_at - timedelta(days=2)


def _sweep(now, capture):
    with capture(execute=True):
        return reminders.reminders_send_due(now=now)


def _written(entry, when):
    type(entry).objects.filter(pk=entry.pk).update(created_at=when, updated_at=when)


def test_quiet_logbook_gets_one_reminder_per_member(
    logbook, owner, company, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = factories.smv_owner(organisation=company)
    assert _sweep(now, django_capture_on_commit_callbacks) == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted([owner.email, colleague.email])
    message = mailoutbox[0]
    assert reminded_meeting.title in message.subject + message.body
    assert f"/logbook/{logbook.pk}/" in message.body
    assert LogbookReminder.objects.filter(logbook=logbook, meeting=reminded_meeting).count() == 1


def test_a_second_sweep_sends_nothing(
    logbook, owner, now, mailoutbox, django_capture_on_commit_callbacks
):
    assert _sweep(now, django_capture_on_commit_callbacks) == 1
    assert _sweep(now + timedelta(hours=1), django_capture_on_commit_callbacks) == 0
    assert len(mailoutbox) == 1


def test_a_claimed_reminder_is_never_sent_again(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    """What a concurrent sweep sees: the row is there, so it sends nothing."""
    LogbookReminder.objects.create(logbook=logbook, meeting=reminded_meeting)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.reminder_send(logbook=logbook, meeting=reminded_meeting) is False
    assert _sweep(now, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_the_email_carries_nothing_from_the_logbook(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    old = EntryFactory(logbook=logbook, title="Hemmelig overskrift", body="Fortroligt indhold")
    _written(old, reminded_meeting.starts_at - timedelta(days=40))
    assert _sweep(now, django_capture_on_commit_callbacks) == 1
    text = mailoutbox[0].subject + mailoutbox[0].body
    assert "Hemmelig" not in text and "Fortroligt" not in text


def test_no_reminder_when_something_was_written_in_the_window(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    entry = EntryFactory(logbook=logbook)
    _written(entry, reminded_meeting.starts_at - timedelta(days=13))
    assert _sweep(now, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_an_edit_in_the_window_counts_as_writing(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    entry = EntryFactory(logbook=logbook)
    type(entry).objects.filter(pk=entry.pk).update(
        created_at=reminded_meeting.starts_at - timedelta(days=60),
        updated_at=reminded_meeting.starts_at - timedelta(days=3),
    )
    assert _sweep(now, django_capture_on_commit_callbacks) == 0


def test_old_or_deleted_entries_do_not_count(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    old = EntryFactory(logbook=logbook)
    _written(old, reminded_meeting.starts_at - timedelta(days=15))
    deleted = EntryFactory(logbook=logbook, deleted_at=timezone.now())
    _written(deleted, reminded_meeting.starts_at - timedelta(days=2))
    assert _sweep(now, django_capture_on_commit_callbacks) == 1


def test_not_sent_when_switched_off(
    logbook, owner, now, mailoutbox, django_capture_on_commit_callbacks
):
    logbook.reminders_enabled = False
    logbook.save()
    assert _sweep(now, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_not_sent_to_a_company_that_left(
    logbook, owner, company, programme, now, mailoutbox, django_capture_on_commit_callbacks
):
    Enrolment.objects.filter(programme=programme, organisation=company).update(
        left_at=timezone.now()
    )
    assert _sweep(now, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_not_sent_for_a_cancelled_meeting(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    Meeting.objects.filter(pk=reminded_meeting.pk).update(status=Meeting.Status.CANCELLED)
    assert _sweep(now, django_capture_on_commit_callbacks) == 0


def test_only_within_three_days_before_the_meeting(
    logbook, owner, reminded_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    too_early = reminded_meeting.starts_at - timedelta(days=4)
    started = reminded_meeting.starts_at + timedelta(minutes=1)
    assert _sweep(too_early, django_capture_on_commit_callbacks) == 0
    assert _sweep(started, django_capture_on_commit_callbacks) == 0
    assert mailoutbox == []


def test_not_for_the_kickoff(
    logbook, owner, programme, mailoutbox, django_capture_on_commit_callbacks
):
    kickoff = programme.meetings.get(number=0)
    assert _sweep(kickoff.starts_at - timedelta(days=1), django_capture_on_commit_callbacks) == 0


def test_each_logbook_is_judged_on_its_own(
    logbook, owner, reminded_meeting, now, mailoutbox, django_capture_on_commit_callbacks
):
    """Another company's quiet logbook in the same programme gets its own reminder only."""
    other_company = factories.OrganisationFactory()
    Enrolment.objects.create(programme=reminded_meeting.programme, organisation=other_company)
    other_owner = factories.smv_owner(organisation=other_company)
    LogbookFactory(programme=reminded_meeting.programme, company=other_company)
    recent = EntryFactory(logbook=logbook)
    _written(recent, reminded_meeting.starts_at - timedelta(days=1))
    assert _sweep(now, django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mailoutbox] == [[other_owner.email]]


def test_the_celery_task_runs_the_sweep(logbook, owner, monkeypatch):
    from logbook import tasks

    monkeypatch.setattr(reminders, "reminders_send_due", lambda: 7)
    assert tasks.send_reminders() == 7
