"""The sweeper's Celery task: scheduled by the beat, plans then sends, a retry sends nothing."""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from bifrost.celery import app
from programme.models import Enrolment, Reminder
from programme.programmes import services as programme_services
from programme.reminders import tasks
from tests import factories
from tests.programme.reminders.helpers import WEEK


def test_beat_schedule_runs_the_sweeper():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "programme.send_due_reminders" in scheduled
    assert "programme.send_due_reminders" in app.tasks


@pytest.mark.django_db
def test_the_task_sends_due_reminders_and_a_retry_sends_nothing(
    world, django_capture_on_commit_callbacks
):
    """The task uses the real clock: make two of meeting 1's reminders due now."""
    due = Reminder.objects.filter(meeting=world.m1, kind=WEEK)
    due.update(due_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_due_reminders.delay().get() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_due_reminders.apply().get() == 0  # a retry / a second beat
    assert len(mail.outbox) == 2
    assert set(due.values_list("status", flat=True)) == {Reminder.Status.SENT}


def test_someone_who_joins_an_enrolled_company_later_gets_reminders(
    facilitator, django_capture_on_commit_callbacks
):
    start = timezone.localdate() + timedelta(days=30)
    programme = programme_services.programme_create_from_template(
        name="Senere",
        description="",
        starts_on=start,
        ends_on=start + timedelta(days=120),
        user=facilitator,
    )
    company = factories.OrganisationFactory()
    Enrolment.objects.create(programme=programme, organisation=company)
    newcomer = factories.smv_owner(organisation=company)  # joins after enrolment
    kickoff = programme.meetings.get(number=0)
    # Six days before the kick-off the sweeper runs: it plans, then sends.
    moment = kickoff.starts_at - timedelta(days=6)
    with (
        mock.patch("programme.reminders.tasks.timezone.now", return_value=moment),
        django_capture_on_commit_callbacks(execute=True),
    ):
        sent = tasks.send_due_reminders()
    assert sent == 1
    assert Reminder.objects.filter(recipient=newcomer, meeting=kickoff).count() == 2
    assert [m.to for m in mail.outbox] == [[newcomer.email]]
