"""Meetings: the period and times, running through the agenda, attendance, minutes."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from programme.meetings import selectors, services

pytestmark = pytest.mark.django_db


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


def test_minutes_cannot_be_published_empty(meeting):
    with pytest.raises(ValidationError):
        services.minutes_save(meeting=meeting, text="  ", publish=True)
    services.minutes_save(meeting=meeting, text="Vi talte om dilemmaer.", publish=True)
    meeting.refresh_from_db()
    assert meeting.minutes_published_at is not None
