"""Reads of the logbook reminder: the meetings coming up and the logbooks that have
been quiet before them (the rule is described in `reminders.services`)."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet

from bifrost.accounts.models import User
from logbook.models import Entry, Logbook, LogbookReminder
from programme.models import Enrolment, Meeting

QUIET_DAYS = 14
LEAD_TIME = timedelta(days=3)
COMPANY_AUDIENCES = (Meeting.Audience.SMV_ONLY, Meeting.Audience.ALL)


def upcoming_meetings(now: datetime) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        status=Meeting.Status.PLANNED,
        number__gte=1,
        audience__in=COMPANY_AUDIENCES,
        starts_at__gt=now,
        starts_at__lte=now + LEAD_TIME,
    ).order_by("starts_at")


def quiet_logbooks(meeting: Meeting) -> QuerySet[Logbook]:
    """Logbooks of the meeting's programme that should get the reminder and have not."""
    window_start = meeting.starts_at - timedelta(days=QUIET_DAYS)
    recent_entries = Entry.objects.filter(logbook=OuterRef("pk"), deleted_at__isnull=True).filter(
        Q(created_at__gte=window_start) | Q(updated_at__gte=window_start)
    )
    active_enrolment = Enrolment.objects.filter(
        programme_id=meeting.programme_id, organisation=OuterRef("company"), left_at__isnull=True
    )
    already = LogbookReminder.objects.filter(logbook=OuterRef("pk"), meeting=meeting)
    return (
        Logbook.objects.filter(programme_id=meeting.programme_id, reminders_enabled=True)
        .filter(Exists(active_enrolment))
        .exclude(Exists(recent_entries))
        .exclude(Exists(already))
        .select_related("company")
        .order_by("pk")
    )


def recipients(logbook: Logbook) -> list[str]:
    """The e-mail addresses of the company's active people, one each."""
    return list(
        User.objects.filter(is_active=True, memberships__organisation_id=logbook.company_id)
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
