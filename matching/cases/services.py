"""Writes on cases (engagements): opening, closing, phases, goals, meetings, tasks, notes.

Every write validates with ``full_clean()``, refuses changes to a closed case, and
touches the case (``last_activity_at``) so the advisor dashboard can sort by it.
Permission checks are the views' (``matching.work_on_case`` etc., see cases/rules.py).
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.cases import notifications, selectors
from matching.models import (
    AdvisorNote,
    Case,
    CaseGoal,
    CaseMeeting,
    CaseMeetingInput,
    CasePhaseChange,
    CaseTask,
    MatchPair,
    Phase,
)
from programme.models import Meeting


def case_touch(*, case: Case) -> None:
    """Mark activity on a case (the advisor dashboard sorts by it)."""
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(last_activity_at=now)
    case.last_activity_at = now


@transaction.atomic
def case_open(*, pair: MatchPair, by) -> Case:
    """Open the case for a confirmed pair (the company's active case, if any, must be closed)."""
    run = pair.run
    profile = run.programme.advisor_profiles.filter(advisor=pair.advisor).first()
    if profile is None:
        raise ValidationError(_("The advisor has no profile in this programme."))
    if Case.objects.filter(
        programme=run.programme, company=pair.company, status=Case.Status.ACTIVE
    ).exists():
        raise ValidationError(_("The company already has an active case."))
    case = Case.objects.create(
        programme=run.programme,
        company=pair.company,
        advisor=pair.advisor,
        unit=profile.unit,
        match_pair=pair,
        phase=Phase.WAY_IN,
    )
    CasePhaseChange.objects.create(
        case=case, phase=Phase.WAY_IN, started_on=timezone.localdate(), changed_by=by
    )
    return case


@transaction.atomic
def case_close(*, case: Case, by, reason: str) -> Case:
    """Close a case (e.g. the advisor dropped out); its history stays readable."""
    if case.status == Case.Status.CLOSED:
        return case
    case.status = Case.Status.CLOSED
    case.closed_at = timezone.now()
    case.close_reason = reason[:300]
    case.save(update_fields=["status", "closed_at", "close_reason"])
    case_touch(case=case)
    return case


# --- Helpers ---------------------------------------------------------------------------


def _ensure_active(case: Case) -> None:
    if case.status != Case.Status.ACTIVE:
        raise ValidationError(_("This case is closed, so it can no longer be changed."))


def _not_in_future(value: date | None, field: str) -> None:
    if value is not None and value > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


# --- Phases ----------------------------------------------------------------------------


@transaction.atomic
def case_change_phase(*, case: Case, phase: str, started_on: date | None = None, by) -> Case:
    """Move the case to another bridge-building phase from a given date (default today)."""
    _ensure_active(case)
    started_on = started_on or timezone.localdate()
    if phase not in Phase.values:
        raise ValidationError({"phase": _("Choose one of the three phases.")})
    if phase == case.phase:
        raise ValidationError({"phase": _("The case is already in this phase.")})
    _not_in_future(started_on, "started_on")
    latest = case.phase_changes.order_by("-started_on", "-pk").first()
    if latest is not None and started_on < latest.started_on:
        raise ValidationError(
            {
                "started_on": _("The date cannot be before the current phase started (%(date)s).")
                % {"date": latest.started_on.strftime("%d.%m.%Y")}
            }
        )
    change = CasePhaseChange(case=case, phase=phase, started_on=started_on, changed_by=by)
    change.full_clean()
    change.save()
    case.phase = phase
    case.full_clean()
    case.save(update_fields=["phase"])
    case_touch(case=case)
    return case


# --- Development goals -----------------------------------------------------------------


@transaction.atomic
def goal_create(
    *, case: Case, by, title: str, description: str = "", status: str = CaseGoal.Status.PLANNED
) -> CaseGoal:
    _ensure_active(case)
    position = (case.goals.aggregate(top=Max("position"))["top"] or 0) + 1
    goal = CaseGoal(
        case=case,
        title=title.strip(),
        description=description.strip(),
        status=status,
        position=position,
        created_by=by,
        updated_by=by,
    )
    goal.full_clean()
    goal.save()
    case_touch(case=case)
    notifications.goal_added(goal=goal, by=by)
    return goal


@transaction.atomic
def goal_update(*, goal: CaseGoal, by, title: str, description: str = "", status: str) -> CaseGoal:
    _ensure_active(goal.case)
    goal.title = title.strip()
    goal.description = description.strip()
    goal.status = status
    goal.updated_by = by
    goal.full_clean()
    goal.save()
    case_touch(case=goal.case)
    return goal


@transaction.atomic
def goal_set_status(*, goal: CaseGoal, by, status: str) -> CaseGoal:
    _ensure_active(goal.case)
    goal.status = status
    goal.updated_by = by
    goal.full_clean()
    goal.save(update_fields=["status", "updated_at", "updated_by"])
    case_touch(case=goal.case)
    return goal


@transaction.atomic
def goal_move(*, goal: CaseGoal, by, direction: str) -> CaseGoal:
    """Move a goal one place up or down in the case's list."""
    _ensure_active(goal.case)
    if direction not in ("up", "down"):
        raise ValidationError(_("A goal can only be moved up or down."))
    goals = list(goal.case.goals.select_for_update().order_by("position", "pk"))
    index = next(i for i, g in enumerate(goals) if g.pk == goal.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(goals):
        goals[index], goals[other] = goals[other], goals[index]
        for position, item in enumerate(goals, 1):
            if item.position != position:
                item.position = position
        CaseGoal.objects.bulk_update(goals, ["position"])
        case_touch(case=goal.case)
    return goal


# --- Company meetings ------------------------------------------------------------------


@transaction.atomic
def case_meeting_create(
    *, case: Case, by, held_on: date, participants: str, summary: str, next_steps: str = ""
) -> CaseMeeting:
    _ensure_active(case)
    _not_in_future(held_on, "held_on")
    meeting = CaseMeeting(
        case=case,
        held_on=held_on,
        participants=participants.strip(),
        summary=summary.strip(),
        next_steps=next_steps.strip(),
        created_by=by,
    )
    meeting.full_clean()
    meeting.save()
    case_touch(case=case)
    return meeting


@transaction.atomic
def case_meeting_update(
    *,
    meeting: CaseMeeting,
    by,
    held_on: date,
    participants: str,
    summary: str,
    next_steps: str = "",
) -> CaseMeeting:
    _ensure_active(meeting.case)
    _not_in_future(held_on, "held_on")
    meeting.held_on = held_on
    meeting.participants = participants.strip()
    meeting.summary = summary.strip()
    meeting.next_steps = next_steps.strip()
    meeting.full_clean()
    meeting.save()
    case_touch(case=meeting.case)
    return meeting


# --- Tasks -----------------------------------------------------------------------------


def _check_owner(case: Case, owner) -> None:
    if owner is not None and owner.pk not in selectors.task_owner_ids(case):
        raise ValidationError(
            {"owner": _("A task is owned by someone from the company or by the advisor.")}
        )


@transaction.atomic
def task_create(*, case: Case, by, title: str, owner=None, due_on: date | None = None) -> CaseTask:
    _ensure_active(case)
    _check_owner(case, owner)
    task = CaseTask(case=case, title=title.strip(), owner=owner, due_on=due_on, created_by=by)
    task.full_clean()
    task.save()
    case_touch(case=case)
    notifications.task_assigned(task=task, by=by)
    return task


@transaction.atomic
def task_update(
    *, task: CaseTask, by, title: str, owner=None, due_on: date | None = None
) -> CaseTask:
    _ensure_active(task.case)
    _check_owner(task.case, owner)
    reassigned = owner is not None and owner.pk != task.owner_id
    task.title = title.strip()
    task.owner = owner
    task.due_on = due_on
    task.full_clean()
    task.save()
    case_touch(case=task.case)
    if reassigned:
        notifications.task_assigned(task=task, by=by)
    return task


@transaction.atomic
def task_set_done(*, task: CaseTask, by, done: bool) -> CaseTask:
    """Mark a task done (now) or not done again."""
    _ensure_active(task.case)
    if done and task.done_at is None:
        task.done_at = timezone.now()
    elif not done:
        task.done_at = None
    task.save(update_fields=["done_at"])
    case_touch(case=task.case)
    return task


def tasks_notify_due_tomorrow(*, today: date | None = None) -> int:
    """Beat, daily: the owner of each open task due tomorrow on an active case hears
    of it once (the cause names the task and the day, so a rerun adds nothing)."""
    today = today or timezone.localdate()
    due = CaseTask.objects.filter(
        due_on=today + timedelta(days=1),
        done_at__isnull=True,
        owner__isnull=False,
        case__status=Case.Status.ACTIVE,
    ).select_related("owner", "case__company")
    count = 0
    for task in due:
        with transaction.atomic():
            notifications.task_due_tomorrow(task=task, today=today)
        count += 1
    return count


# --- Input for development meetings ----------------------------------------------------


@transaction.atomic
def meeting_input_save(*, case: Case, meeting: Meeting, by, text: str) -> CaseMeetingInput:
    """Create or replace what the pair prepared for a development meeting of the programme."""
    _ensure_active(case)
    if meeting.programme_id != case.programme_id or meeting.number < 1:
        raise ValidationError(
            _("Input can only be given for a development meeting of the case's programme.")
        )
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("That meeting is cancelled."))
    item = CaseMeetingInput.objects.filter(case=case, meeting=meeting).first()
    if item is None:
        item = CaseMeetingInput(case=case, meeting=meeting)
    item.text = text.strip()
    item.updated_by = by
    item.full_clean()
    item.save()
    case_touch(case=case)
    return item


# --- Advisor notes ---------------------------------------------------------------------


@transaction.atomic
def note_create(*, case: Case, author, text: str, shared_with_unit: bool = False) -> AdvisorNote:
    _ensure_active(case)
    if author.pk != case.advisor_id:
        raise ValidationError(_("Only the case's advisor can write notes on it."))
    note = AdvisorNote(
        case=case, author=author, text=text.strip(), shared_with_unit=shared_with_unit
    )
    note.full_clean()
    note.save()
    case_touch(case=case)
    return note


@transaction.atomic
def note_update(*, note: AdvisorNote, by, text: str, shared_with_unit: bool) -> AdvisorNote:
    _ensure_active(note.case)
    if by.pk != note.author_id:
        raise ValidationError(_("Only the author can change a note."))
    note.text = text.strip()
    note.shared_with_unit = shared_with_unit
    note.full_clean()
    note.save()
    case_touch(case=note.case)
    return note


@transaction.atomic
def note_delete(*, note: AdvisorNote, by) -> None:
    _ensure_active(note.case)
    if by.pk != note.author_id:
        raise ValidationError(_("Only the author can delete a note."))
    case = note.case
    note.delete()
    case_touch(case=case)
