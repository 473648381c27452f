"""Reads for a development goal's thread: its comments, and who takes part in it."""

from bifrost.accounts.models import Membership, User
from bifrost.core.threads.selectors import thread_comments
from matching.models import Case, CaseGoal, GoalComment


def comments(goal: CaseGoal) -> list[GoalComment]:
    """Every comment on the goal (placeholders too), oldest first: one query."""
    return thread_comments(GoalComment.objects.filter(goal=goal))


def company_people(case: Case) -> list[User]:
    """The members of the case's company."""
    return [
        m.user
        for m in Membership.objects.filter(organisation_id=case.company_id).select_related("user")
    ]
