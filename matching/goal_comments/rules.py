"""Who writes in a development goal's thread (the machinery: `bifrost.core.threads`).

Reading is the case page's rule (`matching.view_case`: the company, the case's
advisor, facilitators); posting and replying is working on the case
(`matching.work_on_case`: the company and the advisor while the case is active).
Editing and deleting a comment is its author's only
(`matching.change_goal_comment`), on top of that. Everything else is 404.
"""

import rules
from django.http import Http404

from bifrost.core.access import object_or_404
from bifrost.core.threads.rules import is_own_comment
from matching.models import Case, CaseGoal, GoalComment

rules.add_perm("matching.change_goal_comment", is_own_comment)


def goal_or_404(case: Case, pk: int) -> CaseGoal:
    goal = case.goals.filter(pk=pk).first()
    if goal is None:
        raise Http404
    return goal


def comment_or_404(user, goal: CaseGoal, pk: int) -> GoalComment:
    """The person's own live comment `pk` on `goal`."""
    return object_or_404(
        GoalComment.objects.filter(goal=goal).select_related("author"),
        pk=pk,
        user=user,
        perm="matching.change_goal_comment",
    )


def answerable_or_404(goal: CaseGoal, pk: int) -> GoalComment:
    """A live comment on `goal` that a reply may answer."""
    comment = GoalComment.objects.filter(goal=goal, pk=pk, deleted_at__isnull=True).first()
    if comment is None:
        raise Http404
    return comment
