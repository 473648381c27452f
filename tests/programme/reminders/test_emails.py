"""What a reminder e-mail says, and that a person gets one e-mail per occasion."""

from datetime import timedelta

import pytest
from django.core import mail

from bifrost.core.models import OutboxEmail
from programme.models import Reminder
from tests.programme.reminders.helpers import WEEK


@pytest.mark.django_db
def test_the_week_and_the_day_reminder_say_different_things(world, sweep):
    """A person who gets both can tell them apart: "in a week" and "tomorrow"."""
    sweep(world.m1.starts_at - timedelta(days=6))
    week = [m for m in mail.outbox if m.to == [world.owner.email]]
    mail.outbox = []
    sweep(world.m1.starts_at - timedelta(hours=20))
    day = [m for m in mail.outbox if m.to == [world.owner.email]]
    assert len(week) == len(day) == 1
    assert week[0].subject != day[0].subject
    assert week[0].body != day[0].body
    assert "I morgen" in day[0].subject
    assert "Om en uge" in week[0].subject


@pytest.mark.django_db
def test_when_both_fall_due_in_one_sweep_only_the_day_reminder_goes_out(world, sweep):
    """The sweeper was down for a week (or the meeting was planned at short notice):
    the person gets one e-mail, the day-before one, and the week one is skipped."""
    sweep(world.m1.starts_at - timedelta(hours=20))
    to_owner = [m for m in mail.outbox if m.to == [world.owner.email]]
    assert len(to_owner) == 1
    assert "I morgen" in to_owner[0].subject
    week = Reminder.objects.get(recipient=world.owner, meeting=world.m1, kind=WEEK)
    assert (week.status, week.skip_reason) == (
        Reminder.Status.SKIPPED,
        "superseded by the day-before reminder",
    )


@pytest.mark.django_db
def test_a_sent_reminder_has_its_email_in_the_outbox_under_its_own_key(world, sweep):
    sweep(world.m1.starts_at - timedelta(days=6))
    sent = Reminder.objects.filter(status=Reminder.Status.SENT)
    keys = set(OutboxEmail.objects.values_list("key", flat=True))
    assert {f"reminder:{r.pk}" for r in sent} <= keys
    assert set(OutboxEmail.objects.values_list("status", flat=True)) == {OutboxEmail.Status.SENT}
