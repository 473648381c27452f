"""Writes for programmes and meetings: creation from the template, enrolment,
agendas, running a meeting, attendance, minutes and preparation tasks."""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from programme import blueprint
from programme.models import (
    AgendaItem,
    Attendance,
    Enrolment,
    Meeting,
    PreparationStatus,
    Programme,
)

HALF_DAY_START = time(9, 0)
HALF_DAY_END = time(12, 30)
ENROLLABLE_KINDS = (Organisation.Kind.COMPANY, Organisation.Kind.ADVISORY_UNIT)


def _on_weekday(day: date, earliest: date, latest: date) -> date:
    """Move a weekend day to the nearest weekday inside the period."""
    if day.weekday() == 5:  # Saturday
        day = (
            day - timedelta(days=1)
            if day - timedelta(days=1) >= earliest
            else day + timedelta(days=2)
        )
    elif day.weekday() == 6:  # Sunday
        day = (
            day + timedelta(days=1)
            if day + timedelta(days=1) <= latest
            else day - timedelta(days=2)
        )
    return day


def suggested_dates(starts_on: date, ends_on: date, count: int) -> list[date]:
    """`count` weekdays spread evenly over the period, first and last day included."""
    if count == 1:
        return [_on_weekday(starts_on, starts_on, ends_on)]
    span = (ends_on - starts_on).days
    return [
        _on_weekday(starts_on + timedelta(days=round(span * i / (count - 1))), starts_on, ends_on)
        for i in range(count)
    ]


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=timezone.get_current_timezone())


@transaction.atomic
def programme_create_from_template(
    *, name: str, description: str, starts_on: date, ends_on: date, user
) -> Programme:
    """A programme with the kick-off and meetings 1–6, themes and suggested agendas."""
    programme = Programme(
        name=name, description=description, starts_on=starts_on, ends_on=ends_on, created_by=user
    )
    programme.full_clean()
    programme.save()
    dates = suggested_dates(starts_on, ends_on, len(blueprint.MEETINGS))
    for day, (number, title, theme, audience, agenda) in zip(
        dates, blueprint.MEETINGS, strict=True
    ):
        meeting = Meeting.objects.create(
            programme=programme,
            number=number,
            title=str(title),
            theme=str(theme),
            audience=audience,
            starts_at=_at(day, HALF_DAY_START),
            ends_at=_at(day, HALF_DAY_END),
        )
        AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting=meeting,
                position=index,
                title=str(item_title),
                kind=kind,
                duration_minutes=minutes,
            )
            for index, (item_title, kind, minutes) in enumerate(agenda)
        )
    return programme


@transaction.atomic
def programme_update(*, programme: Programme, name: str, description: str, starts_on, ends_on):
    programme.name, programme.description = name, description
    programme.starts_on, programme.ends_on = starts_on, ends_on
    programme.full_clean()
    outside = programme.meetings.exclude(
        starts_at__date__gte=starts_on, starts_at__date__lte=ends_on
    )
    if outside.exists():
        raise ValidationError(
            _("Some meetings would fall outside the new period. Move them first: %(titles)s")
            % {"titles": ", ".join(outside.values_list("title", flat=True))}
        )
    programme.save()
    return programme


@transaction.atomic
def enrolment_add(*, programme: Programme, organisation: Organisation) -> Enrolment:
    if organisation.kind not in ENROLLABLE_KINDS:
        raise ValidationError(_("Only companies and advisory units can be enrolled."))
    enrolment, created = Enrolment.objects.get_or_create(
        programme=programme, organisation=organisation
    )
    if not created and enrolment.left_at is not None:
        enrolment.left_at = None
        enrolment.save(update_fields=["left_at"])
    from programme import reminders

    transaction.on_commit(lambda: reminders.plan_for_programme(programme_id=programme.pk))
    return enrolment


@transaction.atomic
def enrolment_end(*, enrolment: Enrolment) -> Enrolment:
    """The organisation leaves: nobody in it gets reminders any more."""
    enrolment.left_at = timezone.now()
    enrolment.save(update_fields=["left_at"])
    from programme import reminders

    reminders.skip_for_departed(programme=enrolment.programme)
    return enrolment


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
def meeting_update(*, meeting: Meeting, **fields) -> Meeting:
    for key, value in fields.items():
        setattr(meeting, key, value)
    _validate_meeting(meeting)
    meeting.full_clean(exclude=["current_item"])
    meeting.save()
    from programme import reminders

    transaction.on_commit(lambda: reminders.plan_for_meeting(meeting_id=meeting.pk))
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting) -> Meeting:
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status", "updated_at"])
    from programme import reminders

    reminders.skip_for_meeting(meeting=meeting, reason="meeting cancelled")
    return meeting


# --- Agenda --------------------------------------------------------------------


def _next_position(meeting: Meeting) -> int:
    current = meeting.agenda_items.aggregate(top=Max("position"))["top"]
    return 0 if current is None else current + 1


@transaction.atomic
def agenda_item_save(*, meeting: Meeting, item: AgendaItem | None = None, **fields) -> AgendaItem:
    if item is None:
        item = AgendaItem(meeting=meeting, position=_next_position(meeting))
    old_file = item.material.name if item.pk and item.material else ""
    for key, value in fields.items():
        setattr(item, key, value)
    item.full_clean()
    item.save()
    if old_file and old_file != (item.material.name if item.material else ""):
        _delete_file_on_commit(old_file)
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
    return item


def _delete_file_on_commit(name: str) -> None:
    # Only once the database change is committed: a rollback keeps the file.
    transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    meeting = item.meeting
    if item.material:
        _delete_file_on_commit(item.material.name)
    item.delete()
    _renumber(meeting, list(meeting.agenda_items.order_by("position", "pk")))


def _renumber(meeting: Meeting, items: list[AgendaItem]) -> None:
    for index, item in enumerate(items):
        item.position = index
    AgendaItem.objects.bulk_update(items, ["position"])
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())


def _locked_items(meeting: Meeting) -> list[AgendaItem]:
    # Lock the agenda so two editors reordering at once cannot interleave.
    return list(
        AgendaItem.objects.select_for_update().filter(meeting=meeting).order_by("position", "pk")
    )


@transaction.atomic
def agenda_reorder(*, meeting: Meeting, ordered_ids: list[int]) -> None:
    """Put the items in the given order (from drag and drop)."""
    items = {item.pk: item for item in _locked_items(meeting)}
    if set(ordered_ids) != set(items):
        raise ValidationError(_("The agenda changed meanwhile. Reload the page and try again."))
    _renumber(meeting, [items[pk] for pk in ordered_ids])


@transaction.atomic
def agenda_move(*, item: AgendaItem, offset: int) -> None:
    """Move an item up (-1) or down (+1): the keyboard alternative to dragging."""
    items = _locked_items(item.meeting)
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = min(max(index + offset, 0), len(items) - 1)
    items.insert(target, items.pop(index))
    _renumber(item.meeting, items)


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
    """Go to the next (or previous) item; past the last item the meeting is over."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    if not items:
        return meeting
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
def agenda_item_notes(*, item: AgendaItem, notes: str) -> AgendaItem:
    item.notes = notes
    item.save(update_fields=["notes"])
    return item


@transaction.atomic
def attendance_record(*, meeting: Meeting, present_user_ids: set[int], participant_ids: set[int]):
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
    return meeting


@transaction.atomic
def preparation_submit(
    *, meeting: Meeting, organisation: Organisation, user, text: str, done: bool
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
