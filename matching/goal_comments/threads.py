"""The thread on a development goal's page, for the person looking."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.threads import display
from matching.goal_comments import selectors
from matching.models import Case, CaseGoal

POST = "matching.work_on_case"


def goal_thread(
    request, case: Case, goal: CaseGoal, *, form=None, reply_form=None, reply_to=None
) -> display.Thread:
    can_post = request.user.has_perm(POST, case)

    def url_for(action: str, comment) -> str:
        return reverse(f"matching:case_goal_comment_{action}", args=[case.pk, goal.pk, comment.pk])

    return display.build(
        selectors.comments(goal),
        viewer=request.user,
        can_post=can_post,
        url_for=url_for,
        post_url=reverse("matching:case_goal_comment", args=[case.pk, goal.pk]),
        heading=_("Comments"),
        empty_text=_(
            "No comments yet. The company and its advisor can discuss the goal here: "
            "how it is going, what is next."
        ),
        read_only_text=(
            _("This case is closed: the comments can be read, not added to.")
            if case.status != Case.Status.ACTIVE
            else _("You can read the comments; only the company and its advisor write here.")
        ),
        form=form,
        reply_form=reply_form,
        reply_to=reply_to,
    )
