"""Calendars (RFC 5545): the personal iCal feed and single-meeting .ics files.

The .ics text is built with the `icalendar` package rather than by hand: it
escapes text values, folds lines at 75 octets, writes CRLF line endings and
generates the VTIMEZONE for Europe/Copenhagen from the tz database, which are
the parts hand-written .ics files usually get wrong.

Only programme data goes into a calendar (title, theme, place, video link and
the link to the meeting page): never anything from logbooks or preparation
answers, because a feed URL is a bearer secret that ends up in third-party
calendar services.
"""

import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from icalendar.enums import STATUS

from bifrost.accounts.models import Organisation, Role, User
from bifrost.accounts.selectors import roles_of
from programme.models import CalendarFeed, Enrolment, Meeting

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
    return settings.SITE_URL + reverse("programme:meeting", args=[meeting.pk])


def feed_url(token: str) -> str:
    """The full, secret address of a personal feed (shown to its owner once)."""
    return settings.SITE_URL + reverse("programme:calendar_feed", args=[token])


def webcal_url(url: str) -> str:
    """The same address with the webcal:// scheme, which calendar apps open as a
    subscription rather than a one-off import."""
    return "webcal://" + url.split("://", 1)[-1]


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


# --- Reads ---------------------------------------------------------------------


def meetings_for_user(user: User) -> QuerySet[Meeting]:
    """The meetings a person is expected at, in one query.

    Same rule as `selectors.meeting_participants`, seen from the person: every
    meeting of a programme where one of their organisations is actively
    enrolled; the kick-off (companies only) only through a company.
    """
    enrolled = Enrolment.objects.filter(
        programme_id=OuterRef("programme_id"),
        left_at__isnull=True,
        organisation__memberships__user=user,
    )
    company_enrolled = enrolled.filter(organisation__kind=Organisation.Kind.COMPANY)
    if Role.FACILITATOR in roles_of(user):
        # Facilitators run every programme: their calendar holds all meetings.
        return Meeting.objects.order_by("starts_at", "programme_id", "number")
    return Meeting.objects.filter(
        Q(Exists(enrolled), audience=Meeting.Audience.ALL)
        | Q(Exists(company_enrolled), audience=Meeting.Audience.SMV_ONLY)
    ).order_by("starts_at", "programme_id", "number")


def active_feed_of(user: User) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.filter(user=user, revoked_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def feed_by_token(token: str) -> CalendarFeed | None:
    """The active feed for a token, or None for unknown, revoked or inactive-user tokens
    (one answer for all three, so a token's history leaks nothing)."""
    return (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=CalendarFeed.hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


# --- Writes -----------------------------------------------------------------------


@transaction.atomic
def calendar_feed_create(*, user: User) -> tuple[CalendarFeed, str]:
    """A new personal feed; the previous one stops working.

    Returns the feed and the clear-text token. Only the token's hash is stored,
    so the caller shows the URL once and it cannot be recovered afterwards.
    """
    # Lock the person's row so two simultaneous requests cannot leave two active feeds.
    User.objects.select_for_update().filter(pk=user.pk).first()
    calendar_feed_revoke(user=user)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(user=user, token_hash=CalendarFeed.hash(token))
    feed.full_clean()
    feed.save()
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, user: User) -> int:
    """Stop every active feed of the person. Returns how many were active."""
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
