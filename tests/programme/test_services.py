"""Programme workflows: template, agenda times, validation, running, attendance."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programme import selectors, services
from programme.models import AgendaItem, Meeting

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


def test_template_agendas_fit_the_half_day(programme):
    for meeting in programme.meetings.all():
        schedule = selectors.schedule(meeting, list(meeting.agenda_items.order_by("position")))
        assert not any(entry.past_meeting_end for entry in schedule), meeting.title
        assert any(entry.item.kind == AgendaItem.Kind.BREAK for entry in schedule)


def test_times_recompute_and_flags_overlap_and_overrun(meeting):
    meeting.agenda_items.all().delete()
    first = services.agenda_item_save(meeting=meeting, title="Velkomst", duration_minutes=30)
    second = services.agenda_item_save(meeting=meeting, title="Oplæg", duration_minutes=60)
    third = services.agenda_item_save(
        meeting=meeting, title="Frokost", duration_minutes=200, fixed_start=time(10, 0)
    )
    entries = selectors.schedule(meeting, [first, second, third])
    assert [(e.start.time(), e.end.time()) for e in entries] == [
        (time(9, 0), time(9, 30)),
        (time(9, 30), time(10, 30)),
        (time(10, 0), time(13, 20)),
    ]
    assert [e.overlaps_previous for e in entries] == [False, False, True]
    assert [e.past_meeting_end for e in entries] == [False, False, True]
    # Moving the long item first changes every time after it.
    services.agenda_move(item=second, offset=-1)
    ordered = list(meeting.agenda_items.order_by("position"))
    assert [i.title for i in ordered] == ["Oplæg", "Velkomst", "Frokost"]
    assert selectors.schedule(meeting, ordered)[1].start.time() == time(10, 0)


def test_reorder_by_drag_and_a_stale_list_is_refused(meeting):
    items = list(meeting.agenda_items.order_by("position"))
    reversed_ids = [item.pk for item in reversed(items)]
    services.agenda_reorder(meeting=meeting, ordered_ids=reversed_ids)
    assert list(meeting.agenda_items.order_by("position").values_list("pk", flat=True)) == (
        reversed_ids
    )
    with pytest.raises(ValidationError):
        services.agenda_reorder(meeting=meeting, ordered_ids=reversed_ids[:-1])


def test_meeting_must_lie_in_the_period_and_end_after_start(meeting):
    outside = meeting.starts_at.replace(year=2028)
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_update(
            meeting=meeting, starts_at=outside, ends_at=outside + timedelta(hours=3)
        )
    assert "starts_at" in excinfo.value.message_dict
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_update(meeting=meeting, ends_at=meeting.starts_at - timedelta(hours=1))
    assert "ends_at" in excinfo.value.message_dict


def test_preparation_due_after_the_meeting_is_refused(meeting):
    late = timezone.localtime(meeting.starts_at).date() + timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        services.meeting_update(meeting=meeting, preparation_task="Læs", preparation_due=late)
    assert "preparation_due" in excinfo.value.message_dict


def test_run_advances_through_the_agenda_and_ends(meeting):
    items = list(meeting.agenda_items.order_by("position"))
    services.meeting_advance(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.current_item_id == items[0].pk
    assert meeting.current_item_started_at is not None
    for _ in items[1:]:
        services.meeting_advance(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.current_item_id == items[-1].pk
    services.meeting_advance(meeting=meeting, step=-1)
    meeting.refresh_from_db()
    assert meeting.current_item_id == items[-2].pk


def test_attendance_only_for_participants(meeting, owner, enrolled_advisor, outsider):
    participants = set(selectors.meeting_participants(meeting).values_list("pk", flat=True))
    assert participants == {owner.pk, enrolled_advisor.pk}
    services.attendance_record(
        meeting=meeting, present_user_ids={owner.pk}, participant_ids=participants
    )
    assert set(meeting.attendances.filter(present=True).values_list("user_id", flat=True)) == {
        owner.pk
    }
    with pytest.raises(ValidationError):
        services.attendance_record(
            meeting=meeting, present_user_ids={outsider.pk}, participant_ids=participants
        )


def test_kickoff_is_for_companies_only(kickoff, owner, enrolled_advisor):
    assert set(selectors.meeting_participants(kickoff)) == {owner}


def test_minutes_cannot_be_published_empty(meeting):
    with pytest.raises(ValidationError):
        services.minutes_save(meeting=meeting, text="  ", publish=True)
    services.minutes_save(meeting=meeting, text="Vi talte om dilemmaer.", publish=True)
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None


def test_programme_period_cannot_shrink_past_its_meetings(programme):
    with pytest.raises(ValidationError):
        services.programme_update(
            programme=programme,
            name=programme.name,
            description="",
            starts_on=date(2027, 6, 1),
            ends_on=programme.ends_on,
        )
