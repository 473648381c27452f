"""Programmes: creation from the course template, the period."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programme.models import Meeting
from programme.programmes import services

pytestmark = pytest.mark.django_db


def test_template_creates_kickoff_and_six_meetings_in_the_period(programme):
    meetings = list(programme.meetings.order_by("number"))
    assert [m.number for m in meetings] == [0, 1, 2, 3, 4, 5, 6]
    assert meetings[0].audience == Meeting.Audience.SMV_ONLY
    assert all(m.audience == Meeting.Audience.ALL for m in meetings[1:])
    for meeting in meetings:
        local = timezone.localtime(meeting.starts_at)
        assert programme.starts_on <= local.date() <= programme.ends_on
        assert local.weekday() < 5  # never on a weekend
        assert (local.time(), timezone.localtime(meeting.ends_at).time()) == (
            time(9, 0),
            time(12, 30),
        )
        assert meeting.agenda_items.exists()
    # Meetings come in order through the period, May to November.
    starts = [m.starts_at for m in meetings]
    assert starts == sorted(starts)
    assert timezone.localtime(starts[0]).month == 5
    assert timezone.localtime(starts[-1]).month == 11


def test_programme_period_cannot_shrink_past_its_meetings(programme):
    with pytest.raises(ValidationError):
        services.programme_update(
            programme=programme,
            name=programme.name,
            description="",
            starts_on=date(2027, 6, 1),
            ends_on=programme.ends_on,
        )
