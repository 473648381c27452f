"""Matching's erase step and its refusal."""

import pytest
from django.urls import reverse

from bifrost.core import personal_data
from matching.models import AdvisorProfile, CaseGoal, GoalComment, MatchPair, MatchRun

pytestmark = pytest.mark.django_db


def test_an_advisor_without_a_case_leaves_runs_with_a_pseudonym(run, two_by_two, english):
    """A draft run's snapshot named the advisor: the name goes, and the advisor is no
    longer offered when the facilitator changes a pair."""
    advisor = two_by_two["x"]
    assert personal_data.refusals(advisor) == []
    personal_data.erase(advisor)
    snapshot = MatchRun.objects.get(pk=run.pk).inputs["advisors"]
    mine = next(a for a in snapshot if a["id"] == advisor.pk)
    assert (mine["name"], mine["available"]) == ("Former user", False)
    assert "X" not in [a["name"] for a in snapshot]
    assert not MatchPair.objects.filter(advisor=advisor).exists()
    assert not AdvisorProfile.objects.filter(advisor=advisor).exists()
    assert MatchPair.objects.filter(run=run).count() == 1  # B–Y stays


def test_run_makers_are_pseudonymised_not_deleted(run, facilitator):
    personal_data.erase(facilitator)
    run.refresh_from_db()
    assert run.created_by is None


def test_goal_comments_stay_signed_former_user(client, case, owner, english):
    """A company's conversation outlives the account of one who took part in it."""
    goal = CaseGoal.objects.create(case=case, title="Goal", created_by=owner)
    comment = GoalComment.objects.create(goal=goal, author=owner, text="Our plan")
    personal_data.erase(owner)
    comment.refresh_from_db()
    assert comment.author is None and comment.text == "Our plan"
    client.force_login(case.advisor)
    page = client.get(reverse("matching:case_goal_detail", args=[case.pk, goal.pk])).text
    assert "Former user" in page and "Our plan" in page
