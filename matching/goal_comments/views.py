"""A development goal's page and its thread: comment, reply, edit (15 minutes) and
delete one's own.

The case is found with `case_or_404` (reading: `matching.view_case`; writing:
`matching.work_on_case`), the goal in it, then the comment; anyone else gets 404.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bifrost.core.submit import submit
from bifrost.core.threads import display
from bifrost.core.threads import views as thread_views
from bifrost.core.threads.forms import CommentForm
from matching.cases.rules import case_or_404
from matching.goal_comments import rules, services
from matching.goal_comments.threads import POST, goal_thread


def _goal_url(case, goal) -> str:
    return reverse("matching:case_goal_detail", args=[case.pk, goal.pk])


def _page(request, case, goal, *, thread=None, status=200):
    return render(
        request,
        "matching/goal_comments/goal_detail.html",
        {"case": case, "goal": goal, "thread": thread or goal_thread(request, case, goal)},
        status=status,
    )


@login_required
@require_GET
def goal_detail(request, pk: int, goal_pk: int):
    case = case_or_404(request.user, pk)
    return _page(request, case, rules.goal_or_404(case, goal_pk))


def _posted(request, case, goal, form, *, parent=None):
    response = submit(
        request,
        form,
        lambda data: services.goal_comment_add(
            goal=goal, by=request.user, text=data["text"], parent=parent
        ),
        success=_("Your reply was added.") if parent else _("Your comment was added."),
        redirect_to=lambda comment: f"{_goal_url(case, goal)}#comment-{comment.pk}",
    )
    if response is not None:
        return response
    bound = {"reply_form": form, "reply_to": parent.pk} if parent else {"form": form}
    return _page(request, case, goal, thread=goal_thread(request, case, goal, **bound), status=400)


@login_required
@require_POST
def goal_comment(request, pk: int, goal_pk: int):
    case = case_or_404(request.user, pk, POST)
    goal = rules.goal_or_404(case, goal_pk)
    return _posted(request, case, goal, CommentForm(request.POST))


@login_required
@require_POST
def goal_comment_reply(request, pk: int, goal_pk: int, comment_pk: int):
    case = case_or_404(request.user, pk, POST)
    goal = rules.goal_or_404(case, goal_pk)
    parent = rules.answerable_or_404(goal, comment_pk)
    return _posted(
        request, case, goal, display.reply_form(request.POST, to=parent.pk), parent=parent
    )


def _own(request, pk: int, goal_pk: int, comment_pk: int):
    case = case_or_404(request.user, pk, POST)
    goal = rules.goal_or_404(case, goal_pk)
    return case, goal, rules.comment_or_404(request.user, goal, comment_pk)


def _crumbs(case, goal) -> list[tuple[str, str]]:
    return [
        (reverse("matching:case_detail", args=[case.pk]), case.company.name),
        (_goal_url(case, goal), goal.title),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def goal_comment_edit(request, pk: int, goal_pk: int, comment_pk: int):
    case, goal, comment = _own(request, pk, goal_pk, comment_pk)
    return thread_views.comment_edit(
        request,
        comment,
        edit=lambda text: services.goal_comment_edit(comment=comment, by=request.user, text=text),
        back_url=_goal_url(case, goal),
        crumbs=_crumbs(case, goal),
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_comment_delete(request, pk: int, goal_pk: int, comment_pk: int):
    case, goal, comment = _own(request, pk, goal_pk, comment_pk)
    return thread_views.comment_delete(
        request,
        comment,
        delete=lambda: services.goal_comment_delete(comment=comment, by=request.user),
        back_url=_goal_url(case, goal),
        crumbs=_crumbs(case, goal),
    )
