"""After `demo_data`, the bell and the notification list read like the programme so far:
every demo owner and advisor has news dated at the events (never in the future), the
last days' unread and older ones read, for a "today" frozen in two different months."""

import datetime
from contextlib import contextmanager
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command

from bifrost.core.models import Notification
from bifrost.core.notifications.demo import UNREAD_FOR
from programme.demo_calendar import COPENHAGEN

pytestmark = pytest.mark.django_db

FROZEN_DAYS = [datetime.date(2026, 3, 10), datetime.date(2026, 11, 24)]
PEOPLE = [f"smv{n}@bifrost.example" for n in range(1, 7)] + [
    f"advisor{n}@bifrost.example" for n in range(1, 7)
]


@contextmanager
def _frozen(today: datetime.date):
    moment = datetime.datetime.combine(today, datetime.time(11, 0), tzinfo=COPENHAGEN)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield moment


@pytest.mark.parametrize("today", FROZEN_DAYS, ids=str)
def test_demo_notifications_are_dated_at_their_events(today):
    with _frozen(today) as now:
        call_command("demo_data", today=today, stdout=StringIO())
    notifications = list(Notification.objects.select_related("recipient"))
    assert {n.kind for n in notifications} >= {
        "match_confirmed",
        "minutes_published",
        "logbook_comment",
        "case_goal_added",
        "case_task_assigned",
    }
    for n in notifications:
        assert n.created_at <= now
        # Old news is read; the last days' news waits in the bell.
        assert (n.read_at is None) == (now - n.created_at <= UNREAD_FOR), n.cause
    by_person = {
        email: [n for n in notifications if n.recipient.email == email] for email in PEOPLE
    }
    for email, mine in by_person.items():
        assert len(mine) >= 3, email
        # The story spans months, not the second the demo was loaded.
        assert max(n.created_at for n in mine) - min(
            n.created_at for n in mine
        ) > datetime.timedelta(days=14), email
    # Every company's owner has something unread: the advisor's latest comment or reply.
    for number in range(1, 7):
        unread = [n for n in by_person[f"smv{number}@bifrost.example"] if n.read_at is None]
        advisors_unread = [
            n for n in by_person[f"advisor{number}@bifrost.example"] if n.read_at is None
        ]
        assert unread or advisors_unread, number


def test_a_demo_rerun_makes_no_second_notification():
    today = datetime.date(2026, 11, 24)
    with _frozen(today):
        call_command("demo_data", today=today, stdout=StringIO())
        before = Notification.objects.count()
        call_command("demo_data", today=today, stdout=StringIO())
    assert Notification.objects.count() == before
