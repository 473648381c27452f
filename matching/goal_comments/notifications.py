"""Notifications of a goal's thread: a new comment or reply. Called by
`matching.goal_comments.services`.

The other side hears of it: the company's people when the advisor writes, the
advisor when someone of the company writes; the author of the comment answered
hears of a reply too, while they are still on the case. The title names the
person and the company only: never the goal's or the comment's text.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from bifrost.core.people import display_name
from matching.goal_comments import selectors
from matching.models import GoalComment

GOAL_COMMENT = "case_goal_comment"


def goal_comment_added(*, comment: GoalComment) -> None:
    goal = comment.goal
    case = goal.case
    members = selectors.company_people(case)
    parties = {user.pk for user in members} | {case.advisor_id}
    other_side = members if comment.author_id == case.advisor_id else [case.advisor]
    answered = comment.parent.author if comment.parent is not None else None
    recipients = [u for u in [*other_side, answered] if u is not None and u.pk in parties]
    title = (
        _("%(person)s replied to a comment on a development goal of %(company)s")
        if comment.parent_id
        else _("%(person)s commented on a development goal of %(company)s")
    )
    notify(
        kind=GOAL_COMMENT,
        recipients=recipients,
        exclude=[comment.author],
        link=reverse("matching:case_goal_detail", args=[case.pk, goal.pk])
        + f"#comment-{comment.pk}",
        cause=f"goal-comment:{comment.pk}",
        title_template=title,
        context={"person": display_name(comment.author), "company": case.company.name},
    )
