"""Reads for meetings: who takes part, the meeting with its agenda, the run state,
attendance and preparation (a fixed number of queries each)."""

from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from bifrost.accounts.models import Organisation, User
from programme.agenda.selectors import schedule
from programme.models import AgendaItem, Enrolment, Meeting, PreparationStatus, Programme
from programme.programmes.selectors import (
    member_enrolments,
    represented_enrolments,
    user_company_ids,
)


def participant_enrolments(user: Any, *, programme: Any, audience: str) -> QuerySet[Enrolment]:
    """Who takes part in a meeting, written once: a person takes part through an active
    enrolment of one of their organisations in the meeting's programme; a meeting for
    the companies only (the kick-off) counts companies only.

    `user` and `programme` may be expressions: `programme.meetings.rules` asks it from
    the person ("my meetings": pages, calendar feed, permissions),
    `meeting_participants` from the meeting (attendance, reminders).
    """
    enrolments = member_enrolments(user, programme=programme)
    if audience == Meeting.Audience.SMV_ONLY:
        enrolments = enrolments.filter(organisation__kind=Organisation.Kind.COMPANY)
    return enrolments


def meeting_participants(meeting: Meeting) -> QuerySet[User]:
    """People who should attend: active members of the enrolled organisations."""
    enrolled = participant_enrolments(
        OuterRef("pk"), programme=meeting.programme_id, audience=meeting.audience
    )
    return User.objects.filter(Exists(enrolled), is_active=True).order_by("full_name", "email")


def meetings_by_date(*, programme: Programme | None = None) -> QuerySet[Meeting]:
    """Every meeting (of `programme`) in date order; narrow it with a rule of
    `programme.meetings.rules`."""
    meetings = Meeting.objects.order_by("starts_at", "programme_id", "number")
    return meetings if programme is None else meetings.filter(programme=programme)


def upcoming(meetings: QuerySet[Meeting], *, limit: int = 5) -> QuerySet[Meeting]:
    """The next planned meetings of `meetings`, with their programme."""
    return meetings.filter(
        starts_at__gte=timezone.now(), status=Meeting.Status.PLANNED
    ).select_related("programme")[:limit]


def meetings_with_agenda() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("programme", "current_item").prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.select_related("knowledge_page").order_by("position", "pk"),
        )
    )


def meeting_with_agenda(pk: int) -> Meeting:
    return meetings_with_agenda().get(pk=pk)


def run_state(meeting: Meeting, *, now: datetime | None = None) -> dict[str, Any]:
    """The run and live views: the schedule, the current and the next item and, while an
    item runs, its countdown. Uses the agenda of `meetings_with_agenda` (no query)."""
    scheduled = schedule(meeting, list(meeting.agenda_items.all()))
    index = next((i for i, s in enumerate(scheduled) if s.item.pk == meeting.current_item_id), None)
    current = scheduled[index] if index is not None else None
    following = scheduled[index + 1] if index is not None and index + 1 < len(scheduled) else None
    if index is None and meeting.run_ended_at is None and scheduled:
        following = scheduled[0]
    state: dict[str, Any] = {
        "meeting": meeting,
        "schedule": scheduled,
        "current": current,
        "next": following,
    }
    if current is not None and meeting.current_item_started_at:
        elapsed = ((now or timezone.now()) - meeting.current_item_started_at).total_seconds()
        remaining = current.item.duration_minutes * 60 - elapsed
        state.update(
            remaining_seconds=int(remaining),
            clock="{:02d}:{:02d}".format(*divmod(int(abs(remaining)), 60)),
            overtime=remaining < 0,
        )
    return state


def present_user_ids(meeting: Meeting) -> set[int]:
    return set(meeting.attendances.filter(present=True).values_list("user_id", flat=True))


def preparation_of(meeting: Meeting, user: Any) -> PreparationStatus | None:
    """The preparation of (one of) the person's companies for the meeting, if any."""
    return PreparationStatus.objects.filter(
        meeting=meeting, organisation_id__in=user_company_ids(user)
    ).first()


def represented_enrolment(meeting: Meeting, user: Any) -> Enrolment | None:
    """The enrolment of a company the person represents in the meeting's programme."""
    return (
        represented_enrolments(user, programme=meeting.programme_id)
        .select_related("organisation")
        .first()
    )
