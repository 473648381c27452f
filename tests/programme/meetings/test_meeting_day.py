"""Meeting day: "Start again" at the end asks first (one press too many on a clicker
does not restart), and moving a meeting's time warns when the agenda then runs past
its end, saying by how many minutes."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from programme.agenda.selectors import overrun_minutes
from programme.meetings import services

pytestmark = pytest.mark.django_db


def _end_the_run(meeting):
    for _ in range(meeting.agenda_items.count() + 1):
        services.meeting_advance(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.run_ended_at is not None and meeting.current_item_id is None


# --- Start again ----------------------------------------------------------------------


def test_next_at_the_end_does_nothing_and_previous_goes_to_the_last_item(meeting):
    _end_the_run(meeting)
    ended_at = meeting.run_ended_at
    services.meeting_advance(meeting=meeting)
    meeting.refresh_from_db()
    assert (meeting.current_item_id, meeting.run_ended_at) == (None, ended_at)
    services.meeting_advance(meeting=meeting, step=-1)
    meeting.refresh_from_db()
    assert meeting.current_item_id == meeting.agenda_items.order_by("position").last().pk


@pytest.mark.parametrize("htmx", [False, True])
def test_a_clicker_next_at_the_end_does_not_restart(client, facilitator, meeting, htmx):
    _end_the_run(meeting)
    client.force_login(facilitator)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(
        reverse("programme:run_advance", args=[meeting.pk]), {"direction": "next"}, headers=headers
    )
    assert response.status_code == (200 if htmx else 302)
    meeting.refresh_from_db()
    assert meeting.current_item_id is None and meeting.run_ended_at is not None


def test_the_run_view_at_the_end_offers_start_again_behind_a_confirmation(
    client, facilitator, meeting
):
    _end_the_run(meeting)
    client.force_login(facilitator)
    page = client.get(reverse("programme:run", args=[meeting.pk])).text
    restart = reverse("programme:run_restart", args=[meeting.pk])
    assert 'id="run-next"' not in page  # the arrow keys and clickers find no button
    assert f'id="run-restart" href="{restart}"' in page  # the page without JavaScript
    assert '<dialog id="restart-dialog"' in page  # the dialog with JavaScript
    assert f'action="{restart}"' in page


def test_the_confirmation_page_changes_nothing_and_post_starts_again(
    client, facilitator, meeting, english
):
    _end_the_run(meeting)
    first = meeting.agenda_items.order_by("position").first()
    client.force_login(facilitator)
    url = reverse("programme:run_restart", args=[meeting.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Start the meeting again?" in confirm.text
    assert first.title in confirm.text
    meeting.refresh_from_db()
    assert meeting.current_item_id is None and meeting.run_ended_at is not None

    response = client.post(url)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.current_item_id == first.pk and meeting.run_ended_at is None


def test_only_facilitators_restart(client, meeting, owner, enrolled_advisor):
    _end_the_run(meeting)
    url = reverse("programme:run_restart", args=[meeting.pk])
    for person in (owner, enrolled_advisor):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    meeting.refresh_from_db()
    assert meeting.current_item_id is None


# --- Moving the start -----------------------------------------------------------------


def _form_data(meeting, *, start: str, end: str, **changes) -> dict:
    local = timezone.localtime(meeting.starts_at)
    data = {
        "title": meeting.title,
        "theme": meeting.theme,
        "audience": meeting.audience,
        "place": meeting.place,
        "video_link": meeting.video_link,
        "preparation_task": meeting.preparation_task,
        "preparation_due": meeting.preparation_due.isoformat() if meeting.preparation_due else "",
        "date": local.date().isoformat(),
        "start_time": start,
        "end_time": end,
    }
    return {**data, **changes}


def _fitting_times(meeting) -> tuple[str, str, int]:
    """The meeting's start, an end that leaves the agenda exactly room, and its length."""
    items = list(meeting.agenda_items.order_by("position"))
    assert all(item.fixed_start is None for item in items)
    total = sum(item.duration_minutes for item in items)
    start = timezone.localtime(meeting.starts_at)
    return start.strftime("%H:%M"), (start + timedelta(minutes=total)).strftime("%H:%M"), total


def _clear_fixed_starts(meeting):
    meeting.agenda_items.update(fixed_start=None)


def test_moving_the_start_later_warns_on_save_by_how_many_minutes(
    client, facilitator, meeting, english
):
    _clear_fixed_starts(meeting)
    start, end, _total = _fitting_times(meeting)
    client.force_login(facilitator)
    url = reverse("programme:meeting_edit", args=[meeting.pk])
    # It fits: no warning.
    response = client.post(url, _form_data(meeting, start=start, end=end))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]

    later = (timezone.localtime(meeting.starts_at) + timedelta(minutes=25)).strftime("%H:%M")
    response = client.post(url, _form_data(meeting, start=later, end=end))
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "The agenda runs 25 minutes past the end of the meeting. Shorten or move items in "
        "the agenda, or let the meeting end later."
    ]


def test_the_edit_form_warns_for_the_saved_times(client, facilitator, meeting, english):
    _clear_fixed_starts(meeting)
    _start, _end, total = _fitting_times(meeting)
    meeting.ends_at = meeting.starts_at + timedelta(minutes=total - 1)
    meeting.save(update_fields=["ends_at"])
    client.force_login(facilitator)
    page = client.get(reverse("programme:meeting_edit", args=[meeting.pk])).text
    assert 'id="overrun-warning"' in page
    assert "runs 1 minute past the end" in page


def test_the_edit_form_warns_for_the_times_just_typed_and_keeps_them(
    client, facilitator, meeting, english
):
    _clear_fixed_starts(meeting)
    start, end, _total = _fitting_times(meeting)
    later = (timezone.localtime(meeting.starts_at) + timedelta(minutes=40)).strftime("%H:%M")
    client.force_login(facilitator)
    data = _form_data(meeting, start=later, end=end, preparation_due="2099-01-01")
    response = client.post(reverse("programme:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 200  # the due date after the meeting is an error
    assert "runs 40 minutes past the end" in response.text
    assert f'value="{later}"' in response.text
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).strftime("%H:%M") == start


def test_overrun_counts_a_fixed_start_item_at_its_time(meeting):
    first, second = list(meeting.agenda_items.order_by("position"))[:2]
    meeting.agenda_items.exclude(pk__in=[first.pk, second.pk]).delete()
    end = timezone.localtime(meeting.ends_at)
    first.fixed_start, first.duration_minutes = None, 30
    second.fixed_start, second.duration_minutes = (end - timedelta(minutes=10)).time(), 30
    for item in (first, second):
        item.save(update_fields=["fixed_start", "duration_minutes"])
    # 30 + 30 minutes fit easily from the start, but the fixed item ends 20 past the end.
    assert overrun_minutes(meeting, [first, second]) == 20
    assert overrun_minutes(meeting, [first]) == 0
    # Asked about a later end before saving it: it fits.
    assert (
        overrun_minutes(meeting, [first, second], ends_at=meeting.ends_at + timedelta(minutes=20))
        == 0
    )
