"""The matching section of a person's download."""

import pytest
from django.utils import timezone

from bifrost.accounts.models import Membership
from bifrost.core import personal_data
from matching.models import AdvisorNote, CaseGoal, GoalComment
from tests import factories
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(programme, company, unit, enrolled_advisor):
    return CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)


def _matching(user) -> dict:
    return personal_data.collect(user)["sections"]["matching"]


def test_an_advisor_gets_their_cases_and_their_own_notes_only(case, enrolled_advisor, unit):
    colleague = factories.advisor(organisation=unit)
    AdvisorNote.objects.create(case=case, author=enrolled_advisor, text="My note")
    AdvisorNote.objects.create(
        case=case, author=colleague, text="COLLEAGUE NOTE", shared_with_unit=True
    )
    section = _matching(enrolled_advisor)
    assert section["cases_advised"][0]["company"] == case.company.name
    assert [n["text"] for n in section["advisor_notes"]] == ["My note"]
    assert "COLLEAGUE NOTE" not in str(section)


def test_goals_on_a_case_the_person_can_no_longer_open_are_counted(case, owner):
    CaseGoal.objects.create(case=case, title="Written while in the company", created_by=owner)
    assert [g["title"] for g in _matching(owner)["goals_created"]] == [
        "Written while in the company"
    ]
    Membership.objects.filter(user=owner).delete()
    section = _matching(owner)
    assert section["goals_created"] == []
    assert section["not_shown_on_cases_you_can_no_longer_open"]["goals_created"] == 1


def test_goal_comments_are_in_the_download_without_anyone_elses_text(case, owner):
    goal = CaseGoal.objects.create(case=case, title="Goal", created_by=owner)
    mine = GoalComment.objects.create(goal=goal, author=owner, text="My comment")
    GoalComment.objects.create(goal=goal, author=case.advisor, text="ADVISOR TEXT", parent=mine)
    GoalComment.objects.create(goal=goal, author=None, text="", deleted_at=timezone.now())
    section = _matching(owner)
    assert [(c["goal_id"], c["text"]) for c in section["goal_comments"]] == [
        (goal.pk, "My comment")
    ]
    assert "ADVISOR TEXT" not in str(section)
    Membership.objects.filter(user=owner).delete()
    section = _matching(owner)
    assert section["goal_comments"] == []
    assert section["not_shown_on_cases_you_can_no_longer_open"]["goal_comments"] == 1
