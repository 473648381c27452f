"""Matching's dashboard reads: the advisor's urgency rules (named constants), the
owner's tasks and the goals their advisor added or changed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bifrost.accounts.dashboards.panels import Viewer
from matching.cases import services
from matching.dashboards import attention, selectors
from matching.models import Case, CaseGoal, CaseMeeting, CaseTask
from programme.models import Enrolment
from tests import factories
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _viewer(user, role="advisor") -> Viewer:
    return Viewer(user=user, role=role, now=timezone.now())


def _reasons(case, advisor) -> list[attention.Reason]:
    [row] = selectors.advisor_cases(Case.objects.filter(pk=case.pk), viewer=_viewer(advisor))
    return row.reasons


@pytest.mark.parametrize(("days", "flagged"), [(20, False), (21, True)])
def test_no_contact_after_three_weeks(case, enrolled_advisor, days, flagged):
    assert attention.NO_CONTACT_WEEKS == 3
    held = timezone.localdate() - timedelta(days=days)
    CaseMeeting.objects.create(case=case, held_on=held, participants="p", summary="s")
    weights = [reason.weight for reason in _reasons(case, enrolled_advisor)]
    assert (attention.NO_CONTACT in weights) is flagged


def test_a_case_without_any_meeting_counts_from_its_start(case, enrolled_advisor, english):
    Case.objects.filter(pk=case.pk).update(created_at=timezone.now() - timedelta(weeks=4))
    [reason] = _reasons(case, enrolled_advisor)
    assert reason.weight == attention.NO_CONTACT
    assert "since the case began" in reason.text


def test_the_overdue_count_and_done_tasks(case, enrolled_advisor, english):
    today = timezone.localdate()
    CaseTask.objects.create(case=case, title="a", due_on=today - timedelta(days=1))
    CaseTask.objects.create(case=case, title="b", due_on=today - timedelta(days=3))
    CaseTask.objects.create(
        case=case, title="c", due_on=today - timedelta(days=3), done_at=timezone.now()
    )
    CaseTask.objects.create(case=case, title="d", due_on=today)  # due today: not overdue
    [reason] = _reasons(case, enrolled_advisor)
    assert reason.text == "2 tasks are overdue"


def test_ties_go_to_the_soonest_meeting_then_the_name(programme, unit, enrolled_advisor):
    names = ["Beta", "Alfa"]
    for name in names:
        company = factories.OrganisationFactory(name=name)
        Enrolment.objects.create(programme=programme, organisation=company)
        CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    rows = selectors.advisor_cases(Case.objects.all(), viewer=_viewer(enrolled_advisor))
    assert [row.case.company.name for row in rows] == ["Alfa", "Beta"]


def test_registered_reasons_add_to_the_urgency(case, enrolled_advisor, monkeypatch):
    def compute(cases, *, viewer):
        return {c.pk: [attention.Reason(7, "Testgrund", "/x/")] for c in cases}

    monkeypatch.setitem(attention._sources, "test", compute)
    [row] = selectors.advisor_cases(Case.objects.all(), viewer=_viewer(enrolled_advisor))
    assert row.urgency == 7 and row.reasons[-1].text == "Testgrund"


def test_owner_tasks_are_the_companys_open_ones_overdue_first(case, owner, enrolled_advisor):
    today = timezone.localdate()
    CaseTask.objects.create(case=case, title="Senere", due_on=today + timedelta(days=5))
    CaseTask.objects.create(case=case, title="Uden dato")
    CaseTask.objects.create(case=case, title="For sent", due_on=today - timedelta(days=1))
    result = selectors.owner_tasks(
        Case.objects.filter(pk=case.pk),
        [],
        user=owner,
        today=today,
    )
    assert [row.title for row in result.rows] == ["For sent", "Senere", "Uden dato"]
    assert [row.overdue for row in result.rows] == [True, False, False]
    assert result.has_case


def test_goals_the_advisor_added_or_changed(case, owner, enrolled_advisor, english):
    since = timezone.now() - timedelta(minutes=1)
    services.goal_create(case=case, by=enrolled_advisor, title="Tilføjet")
    changed = services.goal_create(case=case, by=owner, title="Ændret")
    services.goal_set_status(goal=changed, by=enrolled_advisor, status="achieved")
    moved = services.goal_create(case=case, by=owner, title="Flyttet")
    services.goal_move(goal=moved, by=enrolled_advisor, direction="up")  # order only
    services.goal_create(case=case, by=owner, title="Virksomhedens")
    news = selectors.goals_by_advisor_since(Case.objects.all(), since=since)
    texts = [item.text for item in news]
    name = enrolled_advisor.get_full_name()
    assert sorted(texts) == sorted(
        [f"{name} added the goal “Tilføjet”.", f"{name} changed the goal “Ændret”."]
    )
    assert CaseGoal.objects.get(title="Ændret").updated_by == enrolled_advisor
