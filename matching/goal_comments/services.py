"""Writes in a development goal's thread: comment or reply, edit (15 minutes), delete.

The shared behaviour is `bifrost.core.threads.services`; here is what is the
case's: nothing changes on a closed case, a new comment touches the case (the
advisor's dashboard sorts by activity) and notifies the other side. Who may post
is the views' check (`matching.work_on_case`); only the author edits or deletes
(checked again by the core).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bifrost.core.threads import services as threads
from matching.cases.services import case_touch
from matching.goal_comments import notifications
from matching.models import Case, CaseGoal, GoalComment


def _ensure_active(goal: CaseGoal) -> None:
    if goal.case.status != Case.Status.ACTIVE:
        raise ValidationError(_("This case is closed, so it can no longer be changed."))


@transaction.atomic
def goal_comment_add(
    *, goal: CaseGoal, by, text: str, parent: GoalComment | None = None
) -> GoalComment:
    """A new comment on the goal, or a reply to `parent`; notifies the other side."""
    _ensure_active(goal)
    comment = threads.thread_comment_post(
        comment=GoalComment(goal=goal, author=by, text=text, parent=parent)
    )
    case_touch(case=goal.case)
    notifications.goal_comment_added(comment=comment)
    return comment


@transaction.atomic
def goal_comment_edit(*, comment: GoalComment, by, text: str) -> GoalComment:
    _ensure_active(comment.goal)
    return threads.thread_comment_edit(comment=comment, by=by, text=text)


@transaction.atomic
def goal_comment_delete(*, comment: GoalComment, by) -> bool:
    """True when a placeholder stays (the comment has replies)."""
    _ensure_active(comment.goal)
    return threads.thread_comment_delete(comment=comment, by=by)
