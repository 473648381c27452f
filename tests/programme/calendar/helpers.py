"""Helpers of the calendar tests: meetings at given times, a person's feed."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.urls import reverse

from programme.calendar import services
from programme.models import Meeting

CPH = ZoneInfo("Europe/Copenhagen")
LONG_TITLE = "Møde 1: Strategi, forretningsmodel og AI – hvad betyder det for æ, ø og å? " * 2


def meeting_at(programme, number, start: datetime, **fields) -> Meeting:
    fields.setdefault("title", f"Møde {number}")
    return Meeting.objects.create(
        programme=programme,
        number=number,
        starts_at=start,
        ends_at=start + timedelta(hours=4),
        **fields,
    )


def token_for(user) -> str:
    _feed, token = services.calendar_feed_create(user=user)
    return token


def feed_path(token: str) -> str:
    return reverse("programme:calendar_feed", args=[token])


def download(client, user) -> tuple[bytes, icalendar.Calendar]:
    response = client.get(feed_path(token_for(user)))
    assert response.status_code == 200
    return response.content, icalendar.Calendar.from_ical(response.content)


def events_by_uid(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}
