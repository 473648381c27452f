"""Writes for meetings: editing and cancelling, running it live, attendance, minutes
and the companies' preparation."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from programme.meetings import notifications
from programme.models import AgendaItem, Attendance, Meeting, PreparationStatus
from programme.reminders import services as reminders


def _validate_meeting(meeting: Meeting) -> None:
    errors = {}
    programme = meeting.programme
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        errors["ends_at"] = _("The meeting must end after it starts.")
    if meeting.starts_at:
        day = timezone.localtime(meeting.starts_at).date()
        if not programme.starts_on <= day <= programme.ends_on:
            errors["starts_at"] = _(
                "The meeting must lie within the programme period (%(start)s – %(end)s)."
            ) % {"start": programme.starts_on, "end": programme.ends_on}
    if (
        meeting.preparation_due
        and meeting.starts_at
        and meeting.preparation_due > timezone.localtime(meeting.starts_at).date()
    ):
        errors["preparation_due"] = _("The preparation must be due before the meeting.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_update(*, meeting: Meeting, **fields: Any) -> Meeting:
    for key, value in fields.items():
        setattr(meeting, key, value)
    _validate_meeting(meeting)
    meeting.full_clean(exclude=["current_item"])
    meeting.save()
    transaction.on_commit(lambda: reminders.reminders_plan_for_meeting(meeting_id=meeting.pk))
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting) -> Meeting:
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    reminders.reminders_skip_for_meeting(meeting=meeting, reason="meeting cancelled")
    return meeting


# --- Running the meeting ----------------------------------------------------------


@transaction.atomic
def meeting_go_to(*, meeting: Meeting, item: AgendaItem | None) -> Meeting:
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError(_("That item belongs to another meeting."))
    meeting.current_item = item
    meeting.current_item_started_at = timezone.now() if item else None
    meeting.run_ended_at = None
    meeting.save(
        update_fields=["current_item", "current_item_started_at", "run_ended_at", "updated_at"]
    )
    return meeting


@transaction.atomic
def meeting_advance(*, meeting: Meeting, step: int = 1) -> Meeting:
    """Go to the next (or previous) item; past the last item the meeting is over.

    "Next" on a meeting that is over does nothing: a presenter's clicker pressed once
    too often must not throw the room back to the first item. Starting again is its
    own step (`meeting_restart`), which the run view asks about first. "Previous"
    on a meeting that is over goes back to its last item.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    if not items:
        return meeting
    if meeting.current_item_id is None and meeting.run_ended_at is not None:
        return meeting if step > 0 else meeting_go_to(meeting=meeting, item=items[-1])
    if meeting.current_item_id is None:
        target = items[0] if step > 0 else None
    else:
        index = next((i for i, it in enumerate(items) if it.pk == meeting.current_item_id), -1)
        new_index = index + step
        if new_index >= len(items):
            # Past the last item: the meeting is over (not "not started").
            meeting.current_item = None
            meeting.current_item_started_at = None
            meeting.run_ended_at = timezone.now()
            meeting.save(
                update_fields=[
                    "current_item",
                    "current_item_started_at",
                    "run_ended_at",
                    "updated_at",
                ]
            )
            return meeting
        target = items[new_index] if new_index >= 0 else None
    return meeting_go_to(meeting=meeting, item=target)


@transaction.atomic
def meeting_restart(*, meeting: Meeting) -> Meeting:
    """Start the meeting again from its first item (after the person confirmed)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    first = meeting.agenda_items.order_by("position", "pk").first()
    if first is None:
        return meeting
    return meeting_go_to(meeting=meeting, item=first)


# --- Attendance, minutes, preparation ----------------------------------------------


@transaction.atomic
def attendance_record(
    *, meeting: Meeting, present_user_ids: set[int], participant_ids: set[int]
) -> None:
    unknown = present_user_ids - participant_ids
    if unknown:
        raise ValidationError(_("Only the meeting's participants can be marked as present."))
    existing = {a.user_id: a for a in meeting.attendances.all()}
    to_update, to_create = [], []
    for user_id in participant_ids:
        present = user_id in present_user_ids
        if user_id in existing:
            existing[user_id].present = present
            to_update.append(existing[user_id])
        else:
            to_create.append(Attendance(meeting=meeting, user_id=user_id, present=present))
    Attendance.objects.bulk_update(to_update, ["present"])
    Attendance.objects.bulk_create(to_create)


@transaction.atomic
def minutes_save(*, meeting: Meeting, text: str, publish: bool) -> Meeting:
    meeting.minutes = text
    if publish:
        if not text.strip():
            raise ValidationError({"minutes": _("Write the minutes before publishing them.")})
        meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_published_at", "updated_at"])
    if publish:
        notifications.minutes_published(meeting=meeting)
    return meeting


@transaction.atomic
def preparation_submit(
    *, meeting: Meeting, organisation: Organisation, user: Any, text: str, done: bool
) -> PreparationStatus:
    status, _created = PreparationStatus.objects.select_for_update().get_or_create(
        meeting=meeting, organisation=organisation
    )
    status.text = text
    status.updated_by = user
    if done and status.done_at is None:
        status.done_at = timezone.now()
    elif not done:
        status.done_at = None
    status.save()
    return status
