"""Read queries for case pages and the case dashboards (a fixed number of queries each)."""

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
from django.utils import timezone

from bifrost.accounts.models import Membership, Role, User
from knowledge.models import Kind, Page, Section
from knowledge.pages.selectors import section_pages
from matching import dashboard
from matching.models import (
    AdvisorNote,
    Case,
    CaseGoal,
    CaseMeetingInput,
    CaseTask,
    Phase,
)
from programme.models import Meeting, Programme

PHASE_ORDER = {phase.value: index for index, phase in enumerate(Phase, 1)}


def case_or_none(pk: int) -> Case | None:
    return (
        Case.objects.select_related("programme", "company", "advisor", "unit").filter(pk=pk).first()
    )


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
    label: str
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


def case_page(case: Case, *, user, with_notes: bool) -> CasePage:
    """Everything the case page shows, in a fixed number of queries."""
    today = timezone.localdate()
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
        task.is_overdue = task.done_at is None and task.due_on is not None and task.due_on < today
    upcoming = next_meeting(case.programme_id)
    inputs = list(case.meeting_inputs.select_related("meeting", "updated_by"))
    next_input = None
    earlier = []
    for item in sorted(inputs, key=lambda i: i.meeting.starts_at, reverse=True):
        if upcoming is not None and item.meeting_id == upcoming.pk:
            next_input = item
        else:
            earlier.append(item)
    notes = []
    if with_notes:
        notes = list(case.advisor_notes.filter(author=user))
    return CasePage(
        case=case,
        timeline=timeline,
        phase_page=page,
        attention_points=list(page.field("attention_points", []) if page else []),
        goals=list(case.goals.all()),
        meetings=list(case.meetings.select_related("created_by")),
        tasks=tasks,
        next_meeting=upcoming,
        next_input=next_input,
        earlier_inputs=earlier,
        notes=notes,
    )


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
        open_tasks=Count("tasks", filter=Q(tasks__done_at__isnull=True), distinct=True),
        overdue_tasks=Count(
            "tasks",
            filter=Q(tasks__done_at__isnull=True, tasks__due_on__lt=today),
            distinct=True,
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
    ordering = []
    for name in fields:
        ordering.append(f"-{name}" if descending else name)
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


def extra_columns(cases: list[Case]) -> list[ExtraColumn]:
    """The registered extra columns, each computed once for all the shown cases."""
    result = []
    for column in dashboard.columns():
        values = column.compute(cases) if cases else {}
        result.append(ExtraColumn(key=column.key, label=column.label, values=values))
    for case in cases:
        case.extra_values = [column.values.get(case.pk, "") for column in result]
    return result


def advisor_programmes(user) -> QuerySet[Programme]:
    return Programme.objects.filter(cases__advisor=user).distinct().order_by("-starts_on", "name")


def shared_notes_for_colleague(user, *, limit: int = 50) -> list[AdvisorNote]:
    """Notes advisors in the person's units shared with the unit (not the person's own)."""
    unit_ids = Membership.objects.filter(user=user, role=Role.ADVISOR).values("organisation_id")
    return list(
        AdvisorNote.objects.filter(shared_with_unit=True, case__unit_id__in=unit_ids)
        .exclude(author=user)
        .select_related("case__company", "author")
        .order_by("-created_at", "-pk")[:limit]
    )
