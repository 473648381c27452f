"""Reads for the dashboards' programme panels: the next meeting with each company's
preparation, published minutes, and the evaluation's response rates. A fixed number
of queries each, whatever the number of programmes, meetings and companies."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet

from bifrost.accounts.models import Organisation
from bifrost.core.queries import count_of
from programme.exercises.selectors import EVALUATION
from programme.models import (
    AgendaItem,
    Enrolment,
    EvaluationResponse,
    Meeting,
    PreparationStatus,
    Programme,
)

PREPARATION_DONE = "done"
PREPARATION_STARTED = "started"
PREPARATION_NOT_STARTED = "not_started"


def preparation_state(status: PreparationStatus | None) -> str:
    """Done (marked as done), started (something saved) or not started."""
    if status is not None and status.done_at is not None:
        return PREPARATION_DONE
    if status is not None and status.text.strip():
        return PREPARATION_STARTED
    return PREPARATION_NOT_STARTED


def coming_meetings(programme_ids, *, now: datetime) -> dict[int, Meeting]:
    """The next planned meeting of each programme (one that has not ended yet, so a
    meeting is still "next" while it runs), with its agenda's length. One query."""
    first: dict[int, Meeting] = {}
    for meeting in (
        Meeting.objects.filter(
            programme_id__in=programme_ids, status=Meeting.Status.PLANNED, ends_at__gt=now
        )
        .select_related("programme")
        .annotate(agenda_count=count_of(AgendaItem.objects.all(), "meeting"))
        .order_by("programme_id", "starts_at", "number")
    ):
        first.setdefault(meeting.programme_id, meeting)
    return first


def _statuses(meetings, companies=None) -> dict[tuple[int, int], PreparationStatus]:
    statuses = PreparationStatus.objects.filter(meeting__in=[m.pk for m in meetings])
    if companies is not None:
        statuses = statuses.filter(organisation_id__in=companies)
    return {(s.meeting_id, s.organisation_id): s for s in statuses}


# --- The SMV owner ------------------------------------------------------------------


@dataclass
class CompanyNextMeeting:
    """A company's next meeting in one programme and how far its preparation is."""

    enrolment: Enrolment
    meeting: Meeting | None
    preparation: PreparationStatus | None
    state: str
    preparation_overdue: bool


def next_meetings_of_companies(
    enrolments: QuerySet[Enrolment], *, now: datetime, today: date
) -> list[CompanyNextMeeting]:
    """For each enrolment of a company: its programme's next meeting and the company's
    preparation for it. Three queries."""
    rows = list(
        enrolments.select_related("organisation", "programme").order_by(
            "programme__starts_on", "programme__name", "organisation__name"
        )
    )
    coming = coming_meetings({e.programme_id for e in rows}, now=now)
    statuses = _statuses(coming.values(), {e.organisation_id for e in rows}) if coming else {}
    result = []
    for enrolment in rows:
        meeting = coming.get(enrolment.programme_id)
        status = statuses.get((meeting.pk, enrolment.organisation_id)) if meeting else None
        state = preparation_state(status)
        overdue = bool(
            meeting
            and meeting.preparation_task
            and meeting.preparation_due
            and meeting.preparation_due < today
            and state != PREPARATION_DONE
        )
        result.append(CompanyNextMeeting(enrolment, meeting, status, state, overdue))
    return result


def minutes_published_since(
    meetings: QuerySet[Meeting], *, since: datetime, limit: int = 20
) -> list[Meeting]:
    """Meetings of `meetings` whose minutes were published after `since`, newest first."""
    return list(
        meetings.filter(minutes_published_at__gt=since)
        .exclude(minutes="")
        .order_by("-minutes_published_at", "-pk")[:limit]
    )


# --- The facilitator ----------------------------------------------------------------


@dataclass
class ProgrammeNextMeeting:
    """A programme's next meeting, its agenda's length and each company's preparation."""

    programme: Programme
    meeting: Meeting | None
    #: (company, preparation state), by company name.
    companies: list[tuple[Organisation, str]] = field(default_factory=list)

    def _count(self, state: str) -> int:
        return sum(1 for _company, shown in self.companies if shown == state)

    @property
    def done(self) -> int:
        return self._count(PREPARATION_DONE)

    @property
    def started(self) -> int:
        return self._count(PREPARATION_STARTED)

    @property
    def not_started(self) -> int:
        return self._count(PREPARATION_NOT_STARTED)


def next_meetings_of_programmes(
    programmes: QuerySet[Programme], *, now: datetime, today: date
) -> list[ProgrammeNextMeeting]:
    """The programmes that have not ended, the soonest next meeting first (those with
    none planned last), each with the preparation of every enrolled company. Four
    queries."""
    running = list(programmes.filter(ends_on__gte=today).order_by("starts_on", "name"))
    coming = coming_meetings([p.pk for p in running], now=now)
    companies: dict[int, list[Organisation]] = {}
    for enrolment in (
        Enrolment.objects.filter(
            programme__in=running,
            left_at__isnull=True,
            organisation__kind=Organisation.Kind.COMPANY,
        )
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    ):
        companies.setdefault(enrolment.programme_id, []).append(enrolment.organisation)
    statuses = _statuses(coming.values()) if coming else {}
    result = []
    for programme in running:
        meeting = coming.get(programme.pk)
        shown = [
            (
                company,
                preparation_state(statuses.get((meeting.pk, company.pk)) if meeting else None),
            )
            for company in companies.get(programme.pk, [])
        ]
        result.append(ProgrammeNextMeeting(programme, meeting, shown))
    result.sort(
        key=lambda row: (row.meeting is None, row.meeting.starts_at if row.meeting else now)
    )
    return result


@dataclass(frozen=True)
class ResponseRate:
    """How many of a closing meeting's participants answered its evaluation."""

    meeting: Meeting
    responded: int
    participants: int
    closed: bool

    @property
    def percent(self) -> int | None:
        if not self.participants:
            return None
        return round(100 * self.responded / self.participants)


def response_rates(meetings: QuerySet[Meeting]) -> list[ResponseRate]:
    """The evaluation (meeting 6) of each meeting in `meetings` that runs it, with its
    answers and participants (counted as `meetings.selectors.meeting_participants`
    has them). Two queries."""
    closing = list(
        meetings.filter(number=EVALUATION)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("programme", "exercise_state")
        .annotate(n_responses=count_of(EvaluationResponse.objects.all(), "meeting"))
        .order_by("starts_at", "pk")
    )
    # Participants: active people of the actively enrolled organisations (companies
    # only for a meeting of the companies only).
    people: dict[int, dict[str, int]] = {
        row["programme_id"]: {"everyone": row["everyone"], "companies": row["companies"]}
        for row in Enrolment.objects.filter(
            programme_id__in={m.programme_id for m in closing},
            left_at__isnull=True,
            organisation__memberships__user__is_active=True,
        )
        .values("programme_id")
        .annotate(
            everyone=Count("organisation__memberships__user", distinct=True),
            companies=Count(
                "organisation__memberships__user",
                distinct=True,
                filter=Q(organisation__kind=Organisation.Kind.COMPANY),
            ),
        )
    }
    rates = []
    for meeting in closing:
        counted: dict[str, int] = people.get(meeting.programme_id, {})
        key = "companies" if meeting.audience == Meeting.Audience.SMV_ONLY else "everyone"
        state = getattr(meeting, "exercise_state", None)
        rates.append(
            ResponseRate(
                meeting=meeting,
                responded=meeting.n_responses,
                participants=counted.get(key, 0),
                closed=bool(state and state.evaluation_closed_at),
            )
        )
    return rates
