"""Reads for case pages and the case dashboards (a fixed number of queries each).

Who may see which case or note is `matching.cases.rules`; the views pass the
rule's queryset in (`dashboard_cases(base, ...)`), so a list shows exactly what
the detail check allows.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case as SqlCase
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import OrderBy
from django.utils import timezone
from django.utils.functional import Promise

from bifrost.accounts.models import Membership, Role, User
from bifrost.core.queries import count_of
from knowledge.models import Kind, Page, Section
from knowledge.pages.selectors import section_pages
from matching.cases import dashboard
from matching.models import (
    AdvisorNote,
    AdvisorProfile,
    Case,
    CaseGoal,
    CaseMeetingInput,
    CaseTask,
    Phase,
)
from matching.runs import scoring
from programme.models import Meeting, Programme

PHASE_ORDER = {phase.value: index for index, phase in enumerate(Phase, 1)}


def cases_with_parties() -> QuerySet[Case]:
    """Cases with what every case page shows: programme, company, advisor, unit and the
    match pair the case came from (its score and why)."""
    return Case.objects.select_related("programme", "company", "advisor", "unit", "match_pair")


def notes_with_case() -> QuerySet[AdvisorNote]:
    return AdvisorNote.objects.select_related("case__company", "case__programme")


def advisor_is_on_company_case(*, user, programme, company) -> bool:
    """Whether the person is the advisor of the company's active case in the programme."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Case.objects.filter(
        programme=programme, company=company, advisor=user, status=Case.Status.ACTIVE
    ).exists()


def active_cases_of_advisor(profile: AdvisorProfile) -> list[Case]:
    """The advisor's active cases in the profile's programme (closed if they drop out)."""
    return list(
        Case.objects.filter(
            programme=profile.programme, advisor=profile.advisor, status=Case.Status.ACTIVE
        ).select_related("company")
    )


def company_owners(company_id: int) -> list[User]:
    """The company's active SMV owners, by name (the people told about a match)."""
    return [
        m.user
        for m in Membership.objects.filter(
            organisation_id=company_id, role=Role.SMV_OWNER, user__is_active=True
        )
        .select_related("user")
        .order_by("user__full_name", "user__email")
    ]


def phase_page(phase: str) -> Page | None:
    """The published knowledge page about a phase (cached until the next publish)."""
    for page in section_pages(Section.PHASES):
        if page.kind == Kind.PHASE and page.slug == phase:
            return page
    return None


def next_meeting(programme_id: int, now=None) -> Meeting | None:
    """The programme's next planned development meeting (1–6) that has not started."""
    return _upcoming_meetings(now).filter(programme_id=programme_id).first()


def _upcoming_meetings(now=None) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        number__gte=1, status=Meeting.Status.PLANNED, starts_at__gt=now or timezone.now()
    ).order_by("starts_at", "number")


@dataclass
class TimelineStep:
    phase: str
    label: str | Promise
    number: int
    started_on: date | None
    is_current: bool
    is_done: bool


@dataclass
class CasePage:
    case: Case
    timeline: list[TimelineStep]
    phase_page: Page | None
    attention_points: list[str]
    goals: list[CaseGoal]
    meetings: list
    tasks: list[CaseTask]
    next_meeting: Meeting | None
    next_input: CaseMeetingInput | None
    earlier_inputs: list[CaseMeetingInput]
    notes: list[AdvisorNote] = field(default_factory=list)
    owners: list[User] = field(default_factory=list)
    #: The match's score (0–100) and its strengths; the pair never sees the weak points.
    match_score: int | None = None
    match_strengths: list[str] = field(default_factory=list)


def case_page(case: Case, *, notes: QuerySet[AdvisorNote] | None = None) -> CasePage:
    """Everything the case page shows, in a fixed number of queries.

    `notes` are the advisor notes the person may read there (none for most)."""
    today = timezone.localdate()
    pair = case.match_pair
    changes = list(case.phase_changes.all())
    # The latest start of each phase (a phase may be entered again after going back).
    started = {}
    for change in changes:
        started[change.phase] = change.started_on
    current_number = PHASE_ORDER.get(case.phase, 1)
    timeline = [
        TimelineStep(
            phase=phase.value,
            label=phase.label,
            number=number,
            started_on=started.get(phase.value),
            is_current=phase.value == case.phase,
            is_done=number < current_number,
        )
        for phase, number in zip(Phase, range(1, 4), strict=True)
    ]
    page = phase_page(case.phase)
    tasks = list(case.tasks.select_related("owner"))
    for task in tasks:
        task.is_overdue = task_is_overdue(task, today)  # type: ignore[attr-defined]
    upcoming = next_meeting(case.programme_id)
    inputs = list(case.meeting_inputs.select_related("meeting", "updated_by"))
    next_input = None
    earlier = []
    for item in sorted(inputs, key=lambda i: i.meeting.starts_at, reverse=True):
        if upcoming is not None and item.meeting_id == upcoming.pk:
            next_input = item
        else:
            earlier.append(item)
    return CasePage(
        case=case,
        timeline=timeline,
        phase_page=page,
        attention_points=list(page.field("attention_points", []) if page else []),
        goals=list(
            case.goals.annotate(
                comment_count=Count("comments", filter=Q(comments__deleted_at__isnull=True))
            )
        ),
        meetings=list(case.meetings.select_related("created_by")),
        tasks=tasks,
        next_meeting=upcoming,
        next_input=next_input,
        earlier_inputs=earlier,
        notes=list(notes) if notes is not None else [],
        match_score=pair.score if pair is not None else None,
        match_strengths=scoring.strengths(pair.breakdown) if pair is not None else [],
    )


def task_is_overdue(task: CaseTask, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return task.done_at is None and task.due_on is not None and task.due_on < today


def task_owner_ids(case: Case) -> set[int]:
    """People who may own a task on the case: members of the company and the advisor."""
    ids = set(
        Membership.objects.filter(organisation_id=case.company_id).values_list("user_id", flat=True)
    )
    ids.add(case.advisor_id)
    return ids


def task_owners(case: Case) -> QuerySet[User]:
    """Who can own a task: the company's members and the case's advisor."""
    return (
        User.objects.filter(
            Q(memberships__organisation_id=case.company_id) | Q(pk=case.advisor_id),
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "email")
    )


# --- Dashboards ------------------------------------------------------------------------

# Allowlisted sort keys (query string `sort=<key>` or `sort=-<key>`) and their columns.
SORTS = {
    "company": ("company__name",),
    "programme": ("programme__name",),
    "phase": ("phase_order",),
    "activity": ("last_activity_at",),
    "meeting": ("next_meeting_at",),
    "open": ("open_tasks",),
    "overdue": ("overdue_tasks",),
    "advisor": ("advisor__full_name", "advisor__email"),
}
DEFAULT_SORT = "-activity"


def parse_sort(raw: str | None) -> tuple[str, bool]:
    """(key, descending) from the query string, falling back to the default."""
    raw = (raw or "").strip()
    descending = raw.startswith("-")
    key = raw[1:] if descending else raw
    if key not in SORTS:
        key, descending = DEFAULT_SORT[1:], True
    return key, descending


def dashboard_cases(
    base: QuerySet[Case],
    *,
    sort: str = DEFAULT_SORT,
    phase: str = "",
    status: str = "",
    programme: Programme | None = None,
    overdue_only: bool = False,
) -> QuerySet[Case]:
    """Cases with their next meeting and task counts, filtered and sorted (one query)."""
    today = timezone.localdate()
    upcoming = _upcoming_meetings().filter(programme_id=OuterRef("programme_id"))
    cases = base.select_related("programme", "company", "advisor").annotate(
        next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
        next_meeting_title=Subquery(upcoming.values("title")[:1]),
        open_tasks=count_of(CaseTask.objects.filter(done_at__isnull=True), "case"),
        overdue_tasks=count_of(
            CaseTask.objects.filter(done_at__isnull=True, due_on__lt=today), "case"
        ),
        phase_order=SqlCase(
            *[When(phase=value, then=Value(order)) for value, order in PHASE_ORDER.items()],
            default=Value(0),
            output_field=IntegerField(),
        ),
    )
    if phase:
        cases = cases.filter(phase=phase)
    if status:
        cases = cases.filter(status=status)
    if programme is not None:
        cases = cases.filter(programme=programme)
    if overdue_only:
        cases = cases.filter(overdue_tasks__gt=0)
    key, descending = parse_sort(sort)
    fields = SORTS[key]
    ordering: list[str | OrderBy] = [f"-{name}" if descending else name for name in fields]
    if key == "meeting":
        # Cases without a coming meeting go last whichever way.
        ordering = [
            F("next_meeting_at").desc(nulls_last=True)
            if descending
            else F("next_meeting_at").asc(nulls_last=True)
        ]
    return cases.order_by(*ordering, "company__name", "pk")


@dataclass
class ExtraColumn:
    key: str
    label: str
    values: dict


def extra_columns(cases: list[Case], *, reader: str) -> list[ExtraColumn]:
    """The registered extra columns, each computed once for all the shown cases, for
    `reader` (`dashboard.ADVISOR` or `dashboard.RESEARCHER`)."""
    result = []
    for column in dashboard.columns():
        values = column.compute(cases, reader=reader) if cases else {}
        result.append(ExtraColumn(key=column.key, label=column.label, values=values))
    for case in cases:
        # The row carries its values for the template (a model has no such field).
        case.extra_values = [column.values.get(case.pk, "") for column in result]  # type: ignore[attr-defined]
    return result


def advisor_programmes(user) -> QuerySet[Programme]:
    return Programme.objects.filter(cases__advisor=user).distinct().order_by("-starts_on", "name")


def cases_in(programme: Programme) -> QuerySet[Case]:
    return Case.objects.filter(programme=programme)


def shared_notes_for_colleague(
    notes: QuerySet[AdvisorNote], *, user, limit: int = 50
) -> list[AdvisorNote]:
    """The newest of `notes` (those shared with the person's units) that are not the
    person's own, with their case's company and author (one query)."""
    return list(
        notes.exclude(author=user)
        .select_related("case__company", "author")
        .order_by("-created_at", "-pk")[:limit]
    )
