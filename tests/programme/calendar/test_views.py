"""Calendars: the personal iCal feed, its create/revoke workflow and single-meeting .ics files."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from programme.calendar import ics, services
from programme.models import CalendarFeed, Enrolment, Meeting, PreparationStatus, Programme
from tests import factories
from tests.programme.calendar.helpers import (
    CPH,
    LONG_TITLE,
    download,
    events_by_uid,
    feed_path,
    meeting_at,
    token_for,
)

pytestmark = pytest.mark.django_db


def test_feed_is_a_valid_rfc5545_calendar(client, cal_owner, meetings):
    """text/calendar in UTF-8, CRLF line endings, lines folded at 75 octets, the
    required calendar properties and a VTIMEZONE for Europe/Copenhagen."""
    response = client.get(feed_path(token_for(cal_owner)))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    body = response.content

    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b""), "bare LF line ending"
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "the long title should be folded"
    body.decode("utf-8")  # valid UTF-8 (folding never splits a character)

    cal = icalendar.Calendar.from_ical(body)
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"] == "-//BIFROST//Programme//DA"
    assert str(cal["X-WR-CALNAME"])
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    events = cal.walk("VEVENT")
    assert len(events) == 4
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "URL"):
            assert required in event
    # Folding is undone on parsing: the long title comes back whole.
    assert LONG_TITLE in [str(event["SUMMARY"]) for event in events]


def test_times_carry_tzid_and_the_local_wall_time_in_summer_and_winter(
    client, cal_owner, may_meeting, november_meeting
):
    body, cal = download(client, cal_owner)
    assert b"DTSTART;TZID=Europe/Copenhagen:20260512T090000\r\n" in body
    assert b"DTEND;TZID=Europe/Copenhagen:20260512T130000\r\n" in body
    assert b"DTSTART;TZID=Europe/Copenhagen:20261117T090000\r\n" in body
    events = events_by_uid(cal)
    summer = events[ics.meeting_uid(may_meeting)].start
    winter = events[ics.meeting_uid(november_meeting)].start
    assert (summer.hour, summer.minute) == (9, 0)
    assert (winter.hour, winter.minute) == (9, 0)
    assert summer.utcoffset() == timedelta(hours=2)
    assert winter.utcoffset() == timedelta(hours=1)
    assert summer == datetime(2026, 5, 12, 7, 0, tzinfo=ZoneInfo("UTC"))
    assert winter == datetime(2026, 11, 17, 8, 0, tzinfo=ZoneInfo("UTC"))


def test_event_has_title_place_video_link_theme_and_meeting_link(client, cal_owner, may_meeting):
    _body, cal = download(client, cal_owner)
    event = events_by_uid(cal)[ics.meeting_uid(may_meeting)]
    page = settings.SITE_URL + reverse("programme:meeting", args=[may_meeting.pk])
    assert str(event["SUMMARY"]) == LONG_TITLE
    assert "Mediehuset" in str(event["LOCATION"])
    assert "https://video.example.test/bifrost-moede-1" in str(event["LOCATION"])
    assert "Hvordan skaber I værdi; for hvem, og hvordan?" in str(event["DESCRIPTION"])
    assert page in str(event["DESCRIPTION"])
    assert str(event["URL"]) == page
    assert str(event["STATUS"]) == "CONFIRMED"


def test_nothing_from_preparation_answers_or_minutes_reaches_the_feed(
    client, cal_owner, company_enrolment, may_meeting
):
    PreparationStatus.objects.create(
        meeting=may_meeting, organisation=company_enrolment.organisation, text="HEMMELIGT SVAR"
    )
    Meeting.objects.filter(pk=may_meeting.pk).update(minutes="FORTROLIGT REFERAT")
    body, _cal = download(client, cal_owner)
    unfolded = body.replace(b"\r\n ", b"")
    assert b"HEMMELIGT" not in unfolded
    assert b"FORTROLIGT" not in unfolded
    assert b"udfordringer" not in unfolded  # the preparation task stays on the site


def test_uid_is_stable_across_downloads_and_sequence_grows_on_change(
    client, cal_owner, may_meeting
):
    path = feed_path(token_for(cal_owner))
    first = client.get(path).content
    second = client.get(path).content
    assert first == second  # nothing changed: byte-identical, DTSTAMP included
    uid = f"meeting-{may_meeting.pk}@{settings.SITE_URL.split('://')[1].split(':')[0]}"
    before = events_by_uid(icalendar.Calendar.from_ical(first))[uid]

    Meeting.objects.filter(pk=may_meeting.pk).update(
        place="Et andet sted", updated_at=timezone.now() + timedelta(minutes=5)
    )
    after = events_by_uid(icalendar.Calendar.from_ical(client.get(path).content))[uid]
    assert str(after["LOCATION"]) == "Et andet sted – https://video.example.test/bifrost-moede-1"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_cancelled_meeting_stays_in_the_feed_marked_cancelled(client, cal_owner, cancelled_meeting):
    _body, cal = download(client, cal_owner)
    event = events_by_uid(cal)[ics.meeting_uid(cancelled_meeting)]
    assert str(event["STATUS"]) == "CANCELLED"


def test_advisors_do_not_get_the_kickoff_but_smv_owners_do(
    client, cal_owner, unit_advisor, meetings, kickoff_meeting
):
    kickoff_uid = ics.meeting_uid(kickoff_meeting)
    owner_uids = set(events_by_uid(download(client, cal_owner)[1]))
    advisor_uids = set(events_by_uid(download(client, unit_advisor)[1]))
    assert kickoff_uid in owner_uids
    assert kickoff_uid not in advisor_uids
    assert owner_uids - advisor_uids == {kickoff_uid}


def test_feed_holds_only_programmes_the_person_takes_part_in_without_duplicates(
    client, cal_owner, company_enrolment, may_meeting
):
    other = Programme.objects.create(
        name="Et andet forløb", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    not_mine = meeting_at(other, 1, datetime(2026, 6, 1, 9, 0, tzinfo=CPH))
    # Also enrolled through a second organisation: still one event per meeting.
    second_company = factories.OrganisationFactory()
    factories.MembershipFactory(user=cal_owner, organisation=second_company)
    Enrolment.objects.create(programme=may_meeting.programme, organisation=second_company)

    _body, cal = download(client, cal_owner)
    uids = [str(event["UID"]) for event in cal.walk("VEVENT")]
    assert uids == [ics.meeting_uid(may_meeting)]
    assert ics.meeting_uid(not_mine) not in uids


def test_someone_who_left_the_programme_gets_an_empty_calendar(
    client, cal_owner, company_enrolment, meetings
):
    token = token_for(cal_owner)
    assert len(icalendar.Calendar.from_ical(client.get(feed_path(token)).content).walk("VEVENT"))
    company_enrolment.left_at = timezone.now()
    company_enrolment.save()
    response = client.get(feed_path(token))
    assert response.status_code == 200
    cal = icalendar.Calendar.from_ical(response.content)
    assert cal.walk("VEVENT") == []


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_unknown_and_revoked_tokens_get_the_same_404(client, cal_owner, meetings):
    token = token_for(cal_owner)
    assert client.get(feed_path(token)).status_code == 200
    services.calendar_feed_revoke(user=cal_owner)
    revoked = client.get(feed_path(token))
    unknown = client.get(feed_path("x" * 43))
    assert revoked.status_code == unknown.status_code == 404
    # The same page (the site's 404), apart from each page's own CSRF token.
    assert _without_csrf(revoked) == _without_csrf(unknown)
    assert token not in revoked.content.decode()


def test_a_new_feed_revokes_the_old_one(client, cal_owner, meetings):
    old = token_for(cal_owner)
    new = token_for(cal_owner)
    assert client.get(feed_path(old)).status_code == 404
    assert client.get(feed_path(new)).status_code == 200
    assert CalendarFeed.objects.filter(user=cal_owner, revoked_at__isnull=True).count() == 1
    assert CalendarFeed.objects.filter(user=cal_owner).count() == 2


def test_feed_of_a_deactivated_person_is_gone(client, cal_owner, meetings):
    token = token_for(cal_owner)
    cal_owner.is_active = False
    cal_owner.save()
    assert client.get(feed_path(token)).status_code == 404


def test_url_is_shown_once_and_only_the_hash_is_stored(client, cal_owner, meetings):
    client.force_login(cal_owner)
    page = client.get(reverse("programme:calendar"))
    assert page.status_code == 200
    assert "programme/calendar/calendar.html" in [t.name for t in page.templates]

    response = client.post(reverse("programme:calendar"), {"action": "create"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # Shown whole (not cut off in a one-line input), each with its Copy button.
    match = re.search(
        r'id="calendar-feed-url"[^>]*>(https?://[^<]+/calendar/([A-Za-z0-9_-]+)\.ics)</code>', html
    )
    assert match, html
    url, token = match.groups()
    assert url == settings.SITE_URL + feed_path(token)
    webcal = "webcal://" + url.split("://", 1)[1]
    assert re.search(r'id="calendar-feed-webcal"[^>]*>' + re.escape(webcal) + "</code>", html)
    assert 'data-copy-target="calendar-feed-url"' in html
    assert 'data-copy-target="calendar-feed-webcal"' in html

    feed = CalendarFeed.objects.get(user=cal_owner)
    assert feed.token_hash == CalendarFeed.hash(token)
    assert token not in feed.token_hash
    # The token is nowhere in the database (not even in the session).
    assert all(token not in s.session_data for s in Session.objects.all())

    later = client.get(reverse("programme:calendar")).content.decode()
    assert token not in later
    assert "webcal://" not in later
    assert 'name="action" value="revoke"' in later

    client.logout()
    assert client.get(feed_path(token)).status_code == 200


def test_revoke_from_the_page_switches_the_link_off(client, cal_owner, meetings):
    token = token_for(cal_owner)
    client.force_login(cal_owner)
    response = client.post(reverse("programme:calendar"), {"action": "revoke"})
    assert response.status_code == 302
    assert response.url == reverse("programme:calendar")
    assert not CalendarFeed.objects.filter(user=cal_owner, revoked_at__isnull=True).exists()
    assert client.get(feed_path(token)).status_code == 404
    page = client.get(reverse("programme:calendar")).content.decode()
    assert 'name="action" value="revoke"' not in page


def test_creating_from_the_page_replaces_the_previous_link(client, cal_owner, meetings):
    old = token_for(cal_owner)
    client.force_login(cal_owner)
    client.post(reverse("programme:calendar"), {"action": "create"})
    assert client.get(feed_path(old)).status_code == 404
    assert CalendarFeed.objects.filter(user=cal_owner, revoked_at__isnull=True).count() == 1


def test_management_page_needs_login_a_role_and_a_known_action(client, cal_owner):
    login = client.get(reverse("programme:calendar"))
    assert login.status_code == 302
    assert login.url.startswith(reverse(settings.LOGIN_URL))

    client.force_login(factories.UserFactory())  # no organisation, no role
    assert client.get(reverse("programme:calendar")).status_code == 404
    assert client.post(reverse("programme:calendar"), {"action": "create"}).status_code == 404
    assert not CalendarFeed.objects.exists()

    client.force_login(cal_owner)
    assert client.post(reverse("programme:calendar"), {"action": "nonsense"}).status_code == 400


def test_participant_downloads_one_meeting_as_an_attachment(client, cal_owner, may_meeting):
    client.force_login(cal_owner)
    response = client.get(reverse("programme:meeting_ics", args=[may_meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{ics.ics_filename(may_meeting.title)}"'
    )
    assert re.fullmatch(r"[a-z0-9-]+\.ics", ics.ics_filename(may_meeting.title))
    cal = icalendar.Calendar.from_ical(response.content)
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == ics.meeting_uid(may_meeting)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


def test_outsiders_and_advisors_get_404_for_meetings_they_do_not_attend(
    client, unit_advisor, may_meeting, kickoff_meeting
):
    client.force_login(factories.smv_owner())  # a company outside the programme
    assert client.get(reverse("programme:meeting_ics", args=[may_meeting.pk])).status_code == 404
    assert client.get(reverse("programme:meeting_ics", args=[999999])).status_code == 404
    client.force_login(unit_advisor)
    assert client.get(reverse("programme:meeting_ics", args=[may_meeting.pk])).status_code == 200
    kickoff = client.get(reverse("programme:meeting_ics", args=[kickoff_meeting.pk]))
    assert kickoff.status_code == 404


def test_meeting_ics_needs_login(client, may_meeting):
    response = client.get(reverse("programme:meeting_ics", args=[may_meeting.pk]))
    assert response.status_code == 302


def test_feed_runs_the_same_number_of_queries_with_7_and_70_meetings(
    client, cal_owner, cal_programme, django_assert_max_num_queries
):
    def add_meetings(first: int, last: int) -> None:
        Meeting.objects.bulk_create(
            Meeting(
                programme=cal_programme,
                number=number,
                title=f"Møde {number}",
                audience=Meeting.Audience.SMV_ONLY if number == 0 else Meeting.Audience.ALL,
                starts_at=datetime(2026, 3, 2, 9, 0, tzinfo=CPH) + timedelta(days=number * 4),
                ends_at=datetime(2026, 3, 2, 13, 0, tzinfo=CPH) + timedelta(days=number * 4),
            )
            for number in range(first, last)
        )

    path = feed_path(token_for(cal_owner))
    add_meetings(0, 7)
    with django_assert_max_num_queries(3) as seven:
        response = client.get(path)
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 7

    add_meetings(7, 70)
    with django_assert_max_num_queries(3) as seventy:
        response = client.get(path)
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 70
    assert len(seven.captured_queries) == len(seventy.captured_queries)
