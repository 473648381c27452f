"""Read queries for programmes and meetings (fixed number of queries each)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from bifrost.accounts.models import Membership, Organisation, Role, User
from programme.models import AgendaItem, Enrolment, Meeting, PreparationStatus, Programme


def active_enrolments(programme: Programme) -> QuerySet[Enrolment]:
    return programme.enrolments.filter(left_at__isnull=True).select_related("organisation")


def programmes_of(user) -> QuerySet[Programme]:
    """Programmes the person takes part in through an active enrolment."""
    return Programme.objects.filter(
        enrolments__left_at__isnull=True,
        enrolments__organisation__memberships__user=user,
    ).distinct()


def is_participant(user, programme: Programme) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return programme.enrolments.filter(
        left_at__isnull=True, organisation__memberships__user=user
    ).exists()


def meeting_participants(meeting: Meeting) -> QuerySet[User]:
    """People who should attend: members of actively enrolled organisations.

    The kick-off (companies only) leaves out the advisory units.
    """
    organisations = Organisation.objects.filter(
        enrolments__programme_id=meeting.programme_id, enrolments__left_at__isnull=True
    )
    if meeting.audience == Meeting.Audience.SMV_ONLY:
        organisations = organisations.filter(kind=Organisation.Kind.COMPANY)
    return (
        User.objects.filter(is_active=True, memberships__organisation__in=organisations)
        .distinct()
        .order_by("full_name", "email")
    )


def companies_in(programme: Programme) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        kind=Organisation.Kind.COMPANY,
        enrolments__programme=programme,
        enrolments__left_at__isnull=True,
    ).order_by("name")


def user_company_ids(user) -> set[int]:
    return set(
        Membership.objects.filter(
            user=user, role=Role.SMV_OWNER, organisation__kind=Organisation.Kind.COMPANY
        ).values_list("organisation_id", flat=True)
    )


@dataclass
class ScheduledItem:
    item: AgendaItem
    start: datetime
    end: datetime
    overlaps_previous: bool
    past_meeting_end: bool
    gap_before: timedelta


def schedule(meeting: Meeting, items: list[AgendaItem]) -> list[ScheduledItem]:
    """Times of each item: a fixed start, or right after the previous item.

    Flags an item that starts before the previous one ends, and one that ends
    after the meeting does.
    """
    tz = timezone.get_current_timezone()
    start_of_meeting = timezone.localtime(meeting.starts_at, tz)
    cursor = start_of_meeting
    result = []
    for item in items:
        if item.fixed_start is not None:
            start = start_of_meeting.replace(
                hour=item.fixed_start.hour, minute=item.fixed_start.minute, second=0
            )
        else:
            start = cursor
        end = start + timedelta(minutes=item.duration_minutes)
        result.append(
            ScheduledItem(
                item=item,
                start=start,
                end=end,
                overlaps_previous=bool(result) and start < result[-1].end,
                past_meeting_end=end > meeting.ends_at,
                gap_before=max(start - cursor, timedelta(0)) if result else timedelta(0),
            )
        )
        cursor = max(cursor, end)
    return result


def meeting_with_agenda(pk: int) -> Meeting:
    return (
        Meeting.objects.select_related("programme", "current_item")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("knowledge_page").order_by(
                    "position", "pk"
                ),
            )
        )
        .get(pk=pk)
    )


def programme_overview(programme: Programme) -> dict:
    """Timeline, attendance and preparation per company, in a fixed number of queries."""
    meetings = list(
        programme.meetings.annotate(
            # distinct: the three counts join three tables and would multiply otherwise.
            attendance_present=Count(
                "attendances", filter=Q(attendances__present=True), distinct=True
            ),
            preparations_done=Count(
                "preparations",
                filter=Q(
                    preparations__done_at__isnull=False,
                    preparations__organisation__enrolments__programme=programme,
                    preparations__organisation__enrolments__left_at__isnull=True,
                ),
                distinct=True,
            ),
            agenda_count=Count("agenda_items", distinct=True),
        ).order_by("starts_at", "number")
    )
    companies = list(companies_in(programme))
    done = set(
        PreparationStatus.objects.filter(
            meeting__programme=programme, done_at__isnull=False
        ).values_list("meeting_id", "organisation_id")
    )
    preparation_grid = [
        (company, [(meeting, (meeting.pk, company.pk) in done) for meeting in meetings])
        for company in companies
    ]
    return {
        "meetings": meetings,
        "companies": companies,
        "preparation_grid": preparation_grid,
        "enrolments": list(active_enrolments(programme).order_by("organisation__name")),
    }
