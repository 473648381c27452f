"""The case's notifications: a task assigned or due tomorrow, a goal added, a match
confirmed. Called by the services (`matching.cases.services`, `matching.runs.services`).

Titles name people, companies and programmes only: never a task's or a goal's
title, which the company or the advisor wrote (they may be about health).
"""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Membership, User
from bifrost.core.notifications.services import notify
from bifrost.core.people import display_name
from matching.models import Case, CaseGoal, CaseTask

TASK_ASSIGNED = "case_task_assigned"
TASK_DUE = "case_task_due"
GOAL_ADDED = "case_goal_added"
MATCH_CONFIRMED = "match_confirmed"


def _case_link(case: Case) -> str:
    return reverse("matching:case_detail", args=[case.pk])


def _case_people(case: Case) -> list[User]:
    """The company's members and the case's advisor."""
    members = [
        m.user
        for m in Membership.objects.filter(organisation_id=case.company_id).select_related("user")
    ]
    return [*members, case.advisor]


def task_assigned(*, task: CaseTask, by) -> None:
    """The task's owner learns it is theirs (not when they gave it to themselves)."""
    if task.owner is None:
        return
    notify(
        kind=TASK_ASSIGNED,
        recipients=[task.owner],
        exclude=[by],
        link=_case_link(task.case),
        cause=f"task-assigned:{task.pk}:{task.owner_id}",
        title_template=_("%(person)s assigned you a task on the case of %(company)s"),
        context={"person": display_name(by), "company": task.case.company.name},
    )


def task_due_tomorrow(*, task: CaseTask, today: date) -> None:
    if task.owner is None:
        return
    notify(
        kind=TASK_DUE,
        recipients=[task.owner],
        link=_case_link(task.case),
        cause=f"task-due:{task.pk}:{today.isoformat()}",
        title_template=_("A task of yours on the case of %(company)s is due tomorrow"),
        context={"company": task.case.company.name},
    )


def goal_added(*, goal: CaseGoal, by) -> None:
    case = goal.case
    notify(
        kind=GOAL_ADDED,
        recipients=_case_people(case),
        exclude=[by],
        link=_case_link(case),
        cause=f"goal-added:{goal.pk}",
        title_template=_("%(person)s added a development goal on the case of %(company)s"),
        context={"person": display_name(by), "company": case.company.name},
    )


def match_confirmed(*, case: Case, owners: list[User]) -> None:
    """Both sides: the company's owners and the advisor."""
    notify(
        kind=MATCH_CONFIRMED,
        recipients=[*owners, case.advisor],
        link=_case_link(case),
        cause=f"match:{case.pk}",
        title_template=_("%(company)s and %(advisor)s are matched in %(programme)s"),
        context={
            "company": case.company.name,
            "advisor": display_name(case.advisor),
            "programme": case.programme.name,
        },
    )
