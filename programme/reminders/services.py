"""Reminder e-mails as rows: planned when meetings or enrolments change, sent by a
periodic sweeper.

Why rows and not far-future Celery ETAs: the Redis broker redelivers delayed
tasks after its visibility timeout, so an ETA task can run twice. Here every
(recipient, meeting, kind) has at most one row (unique constraint), and the
sweeper moves a row from pending to sent inside a transaction holding the row
lock (SELECT … FOR UPDATE SKIP LOCKED), so concurrent sweepers never send the
same reminder twice.
"""

import logging
from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from bifrost.core.notifications import services as notifications
from programme.meetings.selectors import meeting_participants
from programme.models import Meeting, Programme, Reminder, ReminderSettings
from programme.reminders import emails
from programme.reminders.selectors import SETTING_FIELDS

logger = logging.getLogger(__name__)

# Kind → (offset before the meeting / preparation deadline, setting that turns it off)
MEETING_OFFSETS: dict[str, tuple[timedelta, str]] = {
    Reminder.Kind.MEETING_WEEK: (timedelta(days=7), "meeting_week_before"),
    Reminder.Kind.MEETING_DAY: (timedelta(days=1), "meeting_day_before"),
}
PREPARATION_OFFSET = timedelta(days=2)
PREPARATION_SETTING = "preparation_due"
# Reminders for preparation tasks go out in the morning, local time.
PREPARATION_SEND_TIME = time(8, 0)
# Skip reasons that planning undoes when the cause is gone (re-enrolled, task set
# again). A reminder skipped for any other reason stays skipped; one sent, stays sent.
REVIVABLE_REASONS = frozenset({"left the programme", "meeting cancelled", "no preparation task"})


def _due_times(meeting: Meeting) -> dict[str, datetime]:
    due: dict[str, datetime] = {
        kind: meeting.starts_at - offset for kind, (offset, _s) in MEETING_OFFSETS.items()
    }
    if meeting.preparation_task and meeting.preparation_due:
        send_day = meeting.preparation_due - PREPARATION_OFFSET
        due[Reminder.Kind.PREPARATION] = datetime.combine(
            send_day, PREPARATION_SEND_TIME, tzinfo=timezone.get_current_timezone()
        )
    return due


@transaction.atomic
def reminders_plan_for_meeting(*, meeting_id: int) -> int:
    """Create or move the pending reminders of one meeting. Returns how many are pending."""
    meeting = Meeting.objects.select_related("programme").get(pk=meeting_id)
    if meeting.is_cancelled:
        reminders_skip_for_meeting(meeting=meeting, reason="meeting cancelled")
        return 0
    due = _due_times(meeting)
    recipients = list(meeting_participants(meeting).values_list("pk", flat=True))
    existing = {(r.recipient_id, r.kind): r for r in Reminder.objects.filter(meeting=meeting)}
    to_create, to_update, to_revive = [], [], []
    for user_id in recipients:
        for kind, due_at in due.items():
            reminder = existing.get((user_id, kind))
            if reminder is None:
                to_create.append(
                    Reminder(recipient_id=user_id, meeting=meeting, kind=kind, due_at=due_at)
                )
            elif reminder.status == Reminder.Status.PENDING and reminder.due_at != due_at:
                reminder.due_at = due_at  # the meeting moved
                to_update.append(reminder)
            elif (
                reminder.status == Reminder.Status.SKIPPED
                and reminder.skip_reason in REVIVABLE_REASONS
            ):
                to_revive.append((reminder.pk, due_at))  # e.g. the company enrolled again
    # ignore_conflicts: a concurrent planner may have made the same row.
    Reminder.objects.bulk_create(to_create, ignore_conflicts=True)
    Reminder.objects.bulk_update(to_update, ["due_at"])
    for pk, due_at in to_revive:
        # Conditional on SKIPPED: a reminder that was sent is never reopened.
        Reminder.objects.filter(pk=pk, status=Reminder.Status.SKIPPED).update(
            status=Reminder.Status.PENDING, due_at=due_at, skip_reason=""
        )
    # A preparation task that was removed takes its pending reminders with it.
    if Reminder.Kind.PREPARATION not in due:
        Reminder.objects.filter(
            meeting=meeting, kind=Reminder.Kind.PREPARATION, status=Reminder.Status.PENDING
        ).update(status=Reminder.Status.SKIPPED, skip_reason="no preparation task")
    return Reminder.objects.filter(meeting=meeting, status=Reminder.Status.PENDING).count()


def reminders_plan_for_programme(*, programme_id: int) -> None:
    for meeting_id in Meeting.objects.filter(programme_id=programme_id).values_list(
        "pk", flat=True
    ):
        reminders_plan_for_meeting(meeting_id=meeting_id)


def reminders_skip_for_meeting(*, meeting: Meeting, reason: str) -> None:
    Reminder.objects.filter(meeting=meeting, status=Reminder.Status.PENDING).update(
        status=Reminder.Status.SKIPPED, skip_reason=reason
    )


def reminders_skip_for_departed(*, programme: Programme) -> None:
    """Pending reminders of people who are no longer in the programme are dropped."""
    for meeting in programme.meetings.all():
        participants = meeting_participants(meeting).values("pk")
        Reminder.objects.filter(meeting=meeting, status=Reminder.Status.PENDING).exclude(
            recipient__in=participants
        ).update(status=Reminder.Status.SKIPPED, skip_reason="left the programme")


def _why_not(reminder: Reminder, now: datetime) -> str:
    """Empty when the reminder should go out now; otherwise why it is skipped."""
    meeting = reminder.meeting
    if meeting.is_cancelled:
        return "meeting cancelled"
    if meeting.starts_at <= now:
        return "meeting already started"
    if not meeting_participants(meeting).filter(pk=reminder.recipient_id).exists():
        return "left the programme"
    preferences = ReminderSettings.objects.filter(user_id=reminder.recipient_id).first()
    setting = (
        PREPARATION_SETTING
        if reminder.kind == Reminder.Kind.PREPARATION
        else MEETING_OFFSETS[reminder.kind][1]
    )
    if preferences is not None and not getattr(preferences, setting):
        return "turned off by the recipient"
    if reminder.kind == Reminder.Kind.PREPARATION and not meeting.preparation_task:
        return "no preparation task"
    if reminder.kind == Reminder.Kind.MEETING_WEEK and _day_reminder_is_due(
        now, meeting, preferences
    ):
        # Both fell due in one sweep (a meeting planned at short notice, or a sweeper
        # that was down): one e-mail, the day-before one, not two.
        return "superseded by the day-before reminder"
    return ""


def _day_reminder_is_due(now: datetime, meeting: Meeting, preferences) -> bool:
    day_offset, day_setting = MEETING_OFFSETS[Reminder.Kind.MEETING_DAY]
    wanted = preferences is None or getattr(preferences, day_setting)
    return wanted and now >= meeting.starts_at - day_offset


def reminder_send(*, reminder_id: int, now: datetime | None = None) -> bool:
    """Send one due reminder unless another sweeper has it or already sent it."""
    now = now or timezone.now()
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("meeting", "recipient")
            .filter(pk=reminder_id, status=Reminder.Status.PENDING, due_at__lte=now)
            .first()
        )
        if reminder is None:
            return False  # taken by another sweeper, already sent, or not due
        reason = _why_not(reminder, now)
        if reason:
            reminder.status, reminder.skip_reason = Reminder.Status.SKIPPED, reason
            reminder.save(update_fields=["status", "skip_reason"])
            return False
        reminder.status, reminder.sent_at = Reminder.Status.SENT, now
        reminder.save(update_fields=["status", "sent_at"])
        # Written to the outbox in this transaction: the reminder counts as sent only
        # together with its e-mail, and a rolled-back claim sends nothing.
        emails.reminder_email_send(reminder)
        return True


def reminders_plan_upcoming(*, now: datetime) -> None:
    """Plan reminders for meetings in the coming week, so people who joined an
    enrolled company since the last plan are included (idempotent)."""
    soon = Meeting.objects.filter(
        status=Meeting.Status.PLANNED,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=8),
    ).values_list("pk", flat=True)
    for meeting_id in soon:
        reminders_plan_for_meeting(meeting_id=meeting_id)


def reminders_send_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """The sweeper: send every pending reminder whose time has come. Returns how many."""
    now = now or timezone.now()
    due_ids = list(
        Reminder.objects.filter(status=Reminder.Status.PENDING, due_at__lte=now)
        .order_by("due_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for reminder_id in due_ids:
        try:
            sent += reminder_send(reminder_id=reminder_id, now=now)
        except Exception:
            # One broken reminder stays pending for the next sweep; the rest go out.
            logger.exception("Reminder %s could not be sent", reminder_id)
    if sent:
        logger.info("Sent %s reminders", sent)
    return sent


# --- Each person's settings ----------------------------------------------------


@transaction.atomic
def reminder_settings_save(*, user: Any, **flags: bool) -> ReminderSettings:
    """Turn reminder kinds on or off for one person. The sweeper reads them at send time."""
    unknown = set(flags) - set(SETTING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown reminder settings: {', '.join(sorted(unknown))}")
    preferences, _created = ReminderSettings.objects.update_or_create(
        user=user, defaults={name: bool(value) for name, value in flags.items()}
    )
    return preferences


@transaction.atomic
def settings_save(
    *, user: Any, flags: Mapping[str, bool], modes: Mapping[str, str]
) -> ReminderSettings:
    """The settings page: reminder e-mails on or off, and each notification kind's
    e-mail mode, saved together."""
    preferences = reminder_settings_save(user=user, **flags)
    notifications.notification_preferences_save(user=user, modes=modes)
    return preferences
