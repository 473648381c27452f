"""Calendar files (RFC 5545): the personal iCal feed and single-meeting .ics files.

The .ics text is built with the `icalendar` package rather than by hand: it
escapes text values, folds lines at 75 octets, writes CRLF line endings and
generates the VTIMEZONE for Europe/Copenhagen from the tz database, which are
the parts hand-written .ics files usually get wrong.

Only programme data goes into a calendar (title, theme, place, video link and
the link to the meeting page): never anything from logbooks or preparation
answers, because a feed URL is a bearer secret that ends up in third-party
calendar services.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from icalendar.enums import STATUS

from bifrost.core.http import absolute_url
from bifrost.core.slugs import ascii_slug
from programme.models import Meeting

TIME_ZONE = ZoneInfo("Europe/Copenhagen")
PRODID = "-//BIFROST//Programme//DA"
# SEQUENCE counts seconds since this moment: it grows with every save of a
# meeting (`updated_at` is `auto_now`) and stays far below 2**31, the limit
# some calendar clients put on the value.
SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=ZoneInfo("UTC"))
# How often subscribing clients are asked to refresh a feed.
FEED_REFRESH_INTERVAL = timedelta(hours=1)


# --- URLs -------------------------------------------------------------------------


def _site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "bifrost.invalid"


def meeting_url(meeting: Meeting) -> str:
    return absolute_url("programme:meeting", meeting.pk)


def feed_url(token: str) -> str:
    """The full, secret address of a personal feed (shown to its owner once)."""
    return absolute_url("programme:calendar_feed", token)


def webcal_url(url: str) -> str:
    """The same address with the webcal:// scheme, which calendar apps open as a
    subscription rather than a one-off import."""
    return "webcal://" + url.split("://", 1)[-1]


def ics_filename(title: str) -> str:
    return f"{ascii_slug(title, fallback='meeting')}.ics"


# --- Building calendars ------------------------------------------------------------


def meeting_uid(meeting: Meeting) -> str:
    """Stable across downloads and edits, so clients update the same event."""
    return f"meeting-{meeting.pk}@{_site_host()}"


def meeting_sequence(meeting: Meeting) -> int:
    return max(0, int((meeting.updated_at - SEQUENCE_EPOCH).total_seconds()))


def _location(meeting: Meeting) -> str | None:
    parts = [part for part in (meeting.place.strip(), meeting.video_link.strip()) if part]
    return " – ".join(parts) or None


def _description(meeting: Meeting, url: str) -> str:
    parts = [meeting.theme.strip(), url]
    return "\n\n".join(part for part in parts if part)


def meeting_event(meeting: Meeting) -> icalendar.Event:
    """One VEVENT. Times carry TZID=Europe/Copenhagen; DTSTAMP and LAST-MODIFIED
    are the meeting's last change (RFC 5545 §3.8.7.2 for calendars without METHOD),
    which also keeps repeated downloads of an unchanged meeting identical."""
    url = meeting_url(meeting)
    updated_at = meeting.updated_at.astimezone(ZoneInfo("UTC"))
    return icalendar.Event.new(
        uid=meeting_uid(meeting),
        stamp=updated_at,
        last_modified=updated_at,
        sequence=meeting_sequence(meeting),
        start=meeting.starts_at.astimezone(TIME_ZONE),
        end=meeting.ends_at.astimezone(TIME_ZONE),
        summary=meeting.title,
        description=_description(meeting, url),
        location=_location(meeting),
        url=url,
        status=STATUS.CANCELLED if meeting.is_cancelled else STATUS.CONFIRMED,
    )


def calendar_for(meetings: Iterable[Meeting], *, name: str, refresh: bool = False) -> bytes:
    """A VCALENDAR with one VEVENT per meeting and the VTIMEZONE they use.

    Cancelled meetings stay in, marked STATUS:CANCELLED, so subscribed calendars
    remove or strike them instead of keeping a stale copy. `refresh` adds the
    hints that tell subscribing clients how often to fetch the feed again.
    """
    meetings = list(meetings)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE.key)
    if refresh:
        # REFRESH-INTERVAL is RFC 7986; X-PUBLISHED-TTL the older hint Outlook reads.
        calendar.refresh_interval = FEED_REFRESH_INTERVAL
        calendar.add("x-published-ttl", icalendar.vDuration(FEED_REFRESH_INTERVAL))
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    if meetings:
        # A VTIMEZONE covering the meetings' years (and one on either side) is
        # small and correct; the library's default span is 1970–2038.
        first = min(m.starts_at for m in meetings).astimezone(TIME_ZONE)
        last = max(m.ends_at for m in meetings).astimezone(TIME_ZONE)
        calendar.add_missing_timezones(
            first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1)
        )
    return calendar.to_ical()
