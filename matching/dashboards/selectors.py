"""Reads for the dashboards' matching panels: the SMV owner's tasks, case and goal news,
the advisor's cases by urgency, the facilitator's draft match runs. A fixed number of
queries each, whatever the number of cases, tasks or runs.

Who may see which case is `matching.cases.rules`; the panels pass the rule's
queryset in, so a dashboard shows exactly what the case pages allow.
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bifrost.core.people import display_name
from bifrost.core.queries import count_of
from matching.dashboards import attention
from matching.models import (
    Case,
    CaseGoal,
    CaseMeeting,
    CaseMeetingInput,
    CaseTask,
    MatchPair,
    MatchRun,
)
from programme.dashboards.selectors import PREPARATION_DONE, CompanyNextMeeting
from programme.models import Enrolment, Meeting

#: The SMV owner's task list shows this many, the most pressing first.
TASKS_SHOWN = 10
#: Companies are matched with an advisor at this development meeting.
MATCHING_MEETING = 2


def case_url(case_id: int, anchor: str = "") -> str:
    url = reverse("matching:case_detail", args=[case_id])
    return f"{url}#{anchor}" if anchor else url


# --- The SMV owner -------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    title: str
    due_on: datetime.date | None
    overdue: bool
    #: The task's owner (None: nobody, or a former user when `owner_known`).
    owner: Any
    is_mine: bool
    url: str
    #: "case" (a task on the case page) or "preparation" (a meeting's preparation).
    kind: str
    where: str


@dataclass
class OwnerTasks:
    rows: list[TaskRow] = field(default_factory=list)
    more: int = 0
    has_case: bool = False


def owner_tasks(
    cases: QuerySet[Case], next_meetings: Sequence[CompanyNextMeeting], *, user, today
) -> OwnerTasks:
    """Open tasks of the company's active cases (`cases`) and the open preparation of the
    next meeting of each programme it is enrolled in (`next_meetings`, as
    `programme.dashboards.selectors.next_meetings_of_companies` reads them); overdue
    first, then by due date, undated last. Two queries."""
    tasks = list(
        CaseTask.objects.filter(case__in=cases, done_at__isnull=True)
        .select_related("owner", "case__company")
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )
    rows = [
        TaskRow(
            title=task.title,
            due_on=task.due_on,
            overdue=task.due_on is not None and task.due_on < today,
            owner=task.owner,
            is_mine=task.owner_id == user.pk,
            url=case_url(task.case_id, "tasks"),
            kind="case",
            where=task.case.company.name,
        )
        for task in tasks
    ]
    for item in next_meetings:
        meeting = item.meeting
        if meeting is None or not meeting.preparation_task or item.state == PREPARATION_DONE:
            continue
        rows.append(
            TaskRow(
                title=_("Prepare for “%(meeting)s”") % {"meeting": meeting.title},
                due_on=meeting.preparation_due,
                overdue=item.preparation_overdue,
                owner=None,
                is_mine=True,
                url=reverse("programme:meeting", args=[meeting.pk]) + "#prep-title",
                kind="preparation",
                where=item.enrolment.organisation.name,
            )
        )
    rows.sort(key=lambda row: (row.due_on is None, row.due_on or today))
    has_case = bool(tasks) or cases.exists()
    return OwnerTasks(
        rows=rows[:TASKS_SHOWN], more=max(0, len(rows) - TASKS_SHOWN), has_case=has_case
    )


@dataclass
class OwnerCases:
    cases: Sequence[Case] = field(default_factory=list)
    #: Development meeting 2 (the matching) of the programmes without a case yet.
    matching_meetings: list[Meeting] = field(default_factory=list)


def owner_cases(cases: QuerySet[Case], enrolments: Iterable[Enrolment]) -> OwnerCases:
    """The company's active cases with their advisor; where it has none yet, the
    meeting where it is matched (`enrolments`: the company's, already read). Two
    queries."""
    found = list(
        cases.select_related("programme", "company", "advisor", "unit").annotate(
            goal_count=count_of(CaseGoal.objects.all(), "case"),
            open_task_count=count_of(CaseTask.objects.filter(done_at__isnull=True), "case"),
        )
    )
    with_case = {(case.programme_id, case.company_id) for case in found}
    waiting = [
        programme_id
        for programme_id, company_id in (
            (enrolment.programme_id, enrolment.organisation_id) for enrolment in enrolments
        )
        if (programme_id, company_id) not in with_case
    ]
    meetings = (
        list(
            Meeting.objects.filter(programme_id__in=waiting, number=MATCHING_MEETING)
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("programme")
            .order_by("starts_at")
        )
        if waiting
        else []
    )
    return OwnerCases(cases=found, matching_meetings=meetings)


@dataclass(frozen=True)
class GoalNews:
    at: datetime.datetime
    text: str
    url: str


def goals_by_advisor_since(cases: QuerySet[Case], *, since, limit: int = 20) -> list[GoalNews]:
    """Goals of `cases` the case's advisor added or changed after `since`. One query."""
    added = Q(created_by_id=F("case__advisor_id"), created_at__gt=since)
    changed = Q(updated_by_id=F("case__advisor_id"), updated_at__gt=since)
    goals = (
        CaseGoal.objects.filter(case__in=cases)
        .filter(added | changed)
        .select_related("case__advisor")
        .order_by("-updated_at", "-pk")[:limit]
    )
    news = []
    for goal in goals:
        advisor = display_name(goal.case.advisor)
        if goal.created_by_id == goal.case.advisor_id and goal.created_at > since:
            text = _("%(advisor)s added the goal “%(goal)s”.")
            at = goal.created_at
        else:
            text = _("%(advisor)s changed the goal “%(goal)s”.")
            at = goal.updated_at
        news.append(
            GoalNews(
                at=at,
                text=text % {"advisor": advisor, "goal": goal.title},
                url=case_url(goal.case_id, "goals"),
            )
        )
    return news


# --- The advisor -----------------------------------------------------------------------


@dataclass
class CaseAttention:
    case: Case
    reasons: list[attention.Reason]
    urgency: int
    last_contact: datetime.date


def _annotated(cases: QuerySet[Case], *, now, today) -> QuerySet[Case]:
    upcoming = Meeting.objects.filter(
        programme_id=OuterRef("programme_id"),
        number__gte=1,
        status=Meeting.Status.PLANNED,
        starts_at__gt=now,
    ).order_by("starts_at", "number")
    last_meeting = (
        CaseMeeting.objects.filter(case=OuterRef("pk"), held_on__lte=today)
        .order_by()
        .values("case")
        .annotate(last=Max("held_on"))
        .values("last")
    )
    return (
        cases.select_related("programme", "company")
        .annotate(
            overdue_tasks=count_of(
                CaseTask.objects.filter(done_at__isnull=True, due_on__lt=today), "case"
            ),
            open_tasks=count_of(CaseTask.objects.filter(done_at__isnull=True), "case"),
            last_meeting_on=Subquery(last_meeting),
            next_meeting_pk=Subquery(upcoming.values("pk")[:1]),
            next_meeting_title=Subquery(upcoming.values("title")[:1]),
            next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
        )
        .annotate(
            has_input=Exists(
                CaseMeetingInput.objects.filter(
                    case=OuterRef("pk"), meeting_id=OuterRef("next_meeting_pk")
                ).exclude(text="")
            )
        )
    )


def _input_missing(meeting: str, days: int) -> str:
    if days <= 0:
        return _("“%(meeting)s” is today and your input for it is not written yet") % {
            "meeting": meeting
        }
    return ngettext(
        "“%(meeting)s” is in %(days)d day and your input for it is not written yet",
        "“%(meeting)s” is in %(days)d days and your input for it is not written yet",
        days,
    ) % {"meeting": meeting, "days": days}


def _own_reasons(case: Case, *, now, today) -> tuple[list[attention.Reason], datetime.date]:
    reasons = []
    overdue = case.overdue_tasks  # type: ignore[attr-defined]
    if overdue:
        reasons.append(
            attention.Reason(
                attention.OVERDUE,
                ngettext("%(n)d task is overdue", "%(n)d tasks are overdue", overdue)
                % {"n": overdue},
                case_url(case.pk, "tasks"),
            )
        )
    last_meeting = case.last_meeting_on  # type: ignore[attr-defined]
    last_contact = last_meeting or timezone.localdate(case.created_at)
    weeks = (today - last_contact).days // 7
    if weeks >= attention.NO_CONTACT_WEEKS:
        if last_meeting:
            text = ngettext(
                "No company meeting for %(weeks)d week (the last one on %(date)s)",
                "No company meeting for %(weeks)d weeks (the last one on %(date)s)",
                weeks,
            )
        else:
            text = ngettext(
                "No company meeting in the %(weeks)d week since the case began (%(date)s)",
                "No company meeting in the %(weeks)d weeks since the case began (%(date)s)",
                weeks,
            )
        reasons.append(
            attention.Reason(
                attention.NO_CONTACT,
                text % {"weeks": weeks, "date": date_format(last_contact, "DATE_FORMAT")},
                case_url(case.pk, "meetings"),
            )
        )
    starts_at = case.next_meeting_at  # type: ignore[attr-defined]
    if starts_at and not case.has_input:  # type: ignore[attr-defined]
        days = (timezone.localdate(starts_at) - today).days
        if days <= attention.MEETING_SOON_DAYS:
            reasons.append(
                attention.Reason(
                    attention.INPUT_MISSING,
                    _input_missing(case.next_meeting_title, days),  # type: ignore[attr-defined]
                    case_url(case.pk, "input"),
                )
            )
    return reasons, last_contact


def advisor_cases(cases: QuerySet[Case], *, viewer) -> list[CaseAttention]:
    """The active cases of `cases` with what needs attention, most urgent first.
    One query, plus the registered sources' (`attention.register_reasons`)."""
    found = list(
        _annotated(cases.filter(status=Case.Status.ACTIVE), now=viewer.now, today=viewer.today)
    )
    extra = attention.extra_reasons(found, viewer=viewer)
    rows = []
    for case in found:
        reasons, last_contact = _own_reasons(case, now=viewer.now, today=viewer.today)
        reasons += extra.get(case.pk, [])
        reasons.sort(key=lambda reason: -reason.weight)
        rows.append(CaseAttention(case, reasons, attention.urgency(reasons), last_contact))
    far = viewer.now + datetime.timedelta(days=3650)
    rows.sort(
        key=lambda row: (
            -row.urgency,
            row.case.next_meeting_at or far,  # type: ignore[attr-defined]
            row.case.company.name,
            row.case.pk,
        )
    )
    return rows


# --- The facilitator -----------------------------------------------------------------


def draft_runs(runs: QuerySet[MatchRun]) -> list[MatchRun]:
    """Match runs still waiting to be confirmed or discarded, newest first. One query."""
    return list(
        runs.filter(status=MatchRun.Status.DRAFT)
        .select_related("programme", "created_by")
        .annotate(pair_count=count_of(MatchPair.objects.all(), "run"))
        .order_by("-created_at", "-pk")
    )
