"""Right after `demo_data`, every demo role's dashboard has real content dated around
today, for a "today" frozen in two different months (as tests/core/test_demo_data.py
freezes it: the loader gets the day and the clock is patched)."""

import datetime
from contextlib import contextmanager
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse

from bifrost.accounts.models import User
from matching.models import CaseGoal
from programme.demo_calendar import COPENHAGEN, NEXT_MEETING

pytestmark = pytest.mark.django_db

FROZEN_DAYS = [datetime.date(2026, 3, 10), datetime.date(2026, 11, 24)]


@contextmanager
def _frozen(today: datetime.date):
    moment = datetime.datetime.combine(today, datetime.time(11, 0), tzinfo=COPENHAGEN)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _panels(client, email, today) -> dict:
    client.force_login(User.objects.get(email=email))
    with _frozen(today):
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return {panel.key: panel.data for panel in response.context["panels"]}


@pytest.mark.parametrize("today", FROZEN_DAYS, ids=str)
def test_every_demo_role_has_something_to_do_today(client, today):
    with _frozen(today):
        call_command("demo_data", today=today, stdout=StringIO())
    owner = _panels(client, "smv1@bifrost.example", today)
    [row] = owner["programme.next_meeting"]["rows"]
    assert row.meeting.number == NEXT_MEETING and row.meeting.preparation_task
    assert owner["matching.tasks"].rows
    # The first visit shows the last three weeks: comments, goals and minutes.
    kinds = {item.url.split("/")[1] for item in owner["news"].items}
    assert kinds == {"logbook", "matching", "programme"}
    [glance] = owner["logbook.glance"]["logbooks"]
    assert glance.last_entry is not None and glance.readiness.last_taken is not None
    assert owner["matching.case"].cases

    reasons = [
        reason
        for number in range(1, 7)
        for row in _panels(client, f"advisor{number}@bifrost.example", today)["matching.cases"][
            "rows"
        ]
        for reason in row.reasons
    ]
    assert len({reason.weight for reason in reasons}) >= 3, reasons

    facilitator = _panels(client, "facilitator@bifrost.example", today)
    [programme] = facilitator["programme.next_meetings"]["rows"]
    assert programme.meeting.number == NEXT_MEETING
    assert programme.done and programme.not_started
    assert facilitator["programme.evaluation"]["rates"]


def test_the_advisors_goals_are_dated_in_the_weeks_before_today():
    today = FROZEN_DAYS[1]
    with _frozen(today):
        call_command("demo_data", today=today, stdout=StringIO())
    added = CaseGoal.objects.filter(created_by__email__startswith="advisor")
    assert added.count() == 6  # the last goal of each case
    changed = CaseGoal.objects.filter(updated_by__email__startswith="advisor").exclude(
        created_by__email__startswith="advisor"
    )
    assert changed.count() == 3  # every other case
    for goal in [*added, *changed]:
        day = goal.updated_at.astimezone(COPENHAGEN).date()
        assert today - datetime.timedelta(days=21) < day < today, goal
