"""The case's notifications: a task assigned or due tomorrow, a goal added. Each
cause notifies once, whoever retries it; titles never carry what someone wrote."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bifrost.core.models import Notification
from matching.cases import notifications, services
from matching.cases.tasks import notify_tasks_due

pytestmark = pytest.mark.django_db

SECRET = "Medarbejderen er sygemeldt med stress"


def _of(kind, user=None):
    rows = Notification.objects.filter(kind=kind)
    return rows.filter(recipient=user) if user is not None else rows


def test_a_task_assigned_to_the_owner_notifies_them_once(case, enrolled_advisor, owner):
    task = services.task_create(case=case, by=enrolled_advisor, title=SECRET, owner=owner)
    (row,) = _of("case_task_assigned")
    assert row.recipient == owner
    assert row.link == reverse("matching:case_detail", args=[case.pk])
    assert case.company.name in row.title
    assert SECRET not in row.title
    # Saving the task again (same owner) tells no one again.
    services.task_update(task=task, by=enrolled_advisor, title="Ny titel", owner=owner)
    assert _of("case_task_assigned").count() == 1


def test_a_task_reassigned_tells_the_new_owner(case, enrolled_advisor, owner):
    task = services.task_create(case=case, by=owner, title="Ring", owner=owner)
    assert not _of("case_task_assigned").exists()  # you gave it to yourself
    services.task_update(task=task, by=owner, title="Ring", owner=enrolled_advisor)
    assert _of("case_task_assigned", enrolled_advisor).count() == 1


def test_due_tomorrow_notifies_each_open_task_once_a_day(case, enrolled_advisor, owner):
    today = timezone.localdate()
    due = services.task_create(
        case=case, by=owner, title=SECRET, owner=enrolled_advisor, due_on=today + timedelta(1)
    )
    services.task_create(
        case=case, by=owner, title="Senere", owner=enrolled_advisor, due_on=today + timedelta(3)
    )
    done = services.task_create(
        case=case, by=owner, title="Klaret", owner=enrolled_advisor, due_on=today + timedelta(1)
    )
    services.task_set_done(task=done, by=owner, done=True)
    assert notify_tasks_due() == 1
    assert notify_tasks_due() == 1  # a retried beat run…
    (row,) = _of("case_task_due")  # …makes no second row
    assert row.cause == f"task-due:{due.pk}:{today.isoformat()}"
    assert row.recipient == enrolled_advisor
    assert SECRET not in row.title


def test_a_goal_added_tells_the_company_and_the_advisor_but_not_its_author(
    case, enrolled_advisor, owner
):
    goal = services.goal_create(case=case, by=enrolled_advisor, title=SECRET)
    rows = _of("case_goal_added")
    assert [row.recipient for row in rows] == [owner]
    assert rows.get().cause == f"goal-added:{goal.pk}"
    assert SECRET not in rows.get().title
    services.goal_create(case=case, by=owner, title="Andet mål")
    assert _of("case_goal_added", enrolled_advisor).count() == 1


def test_retried_goal_and_match_notifications_make_no_second_row(case, enrolled_advisor, owner):
    goal = services.goal_create(case=case, by=enrolled_advisor, title="Mål")
    notifications.goal_added(goal=goal, by=enrolled_advisor)
    for _attempt in range(2):
        notifications.match_confirmed(case=case, owners=[owner])
    assert _of("case_goal_added").count() == 1
    assert _of("match_confirmed").count() == 2  # the owner and the advisor, once each
