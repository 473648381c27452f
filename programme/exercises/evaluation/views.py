"""Pages of the evaluation (meeting 6): the questionnaire and the agreed principles
and tools. Views parse, check permissions and call services; anything a person may
not see or do is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bifrost.core import spreadsheets
from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from programme.exercises.evaluation import exports, selectors, services
from programme.exercises.evaluation.forms import EvaluationForm, PrincipleForm
from programme.exercises.evaluation.rules import evaluation_meeting_or_404, principle_or_404
from programme.exercises.rules import CONTRIBUTE, MANAGE, VIEW, exercise_flags
from programme.exercises.selectors import exercise_state
from programme.models import Meeting


def _evaluation_url(meeting_pk: int) -> str:
    return reverse("programme:exercise_evaluation", args=[meeting_pk])


def _evaluation_page(request, meeting: Meeting, *, form=None, principle_form=None):
    context = exercise_flags(request.user, meeting)
    state = exercise_state(meeting)
    context.update(
        closed=state.evaluation_closed_at is not None,
        state=state,
        principles=selectors.principles_of(meeting),
    )
    if context["can_contribute"]:
        response = selectors.evaluation_response(meeting, request.user)
        context["response"] = response
        if form is None:
            initial = {}
            if response is not None:
                initial = {**response.answers, "free_text": response.free_text}
            form = EvaluationForm(initial=initial)
        context["form"] = form
    if context["can_manage"]:
        context["summary"] = selectors.evaluation_summary(meeting)
        context["principle_form"] = principle_form or PrincipleForm()
    return render(request, "programme/exercises/evaluation/evaluation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request, pk: int):
    meeting = evaluation_meeting_or_404(request.user, pk, VIEW)
    if request.method == "GET":
        return _evaluation_page(request, meeting)
    require_perm(request.user, CONTRIBUTE, meeting)
    form = EvaluationForm(request.POST)
    response = submit(
        request,
        form,
        lambda data: services.evaluation_submit(
            meeting=meeting,
            respondent=request.user,
            answers=form.answers(),
            free_text=data["free_text"],
        ),
        success=_("Thank you. Your answers were saved."),
        redirect_to=_evaluation_url(meeting.pk),
    )
    return response or _evaluation_page(request, meeting, form=form)


@never_cache
@login_required
@require_safe
def evaluation_export(request, pk: int, fmt: str):
    """The results as Danish CSV or XLSX, for who sees them on the page (`fmt` comes
    from the URL)."""
    meeting = evaluation_meeting_or_404(request.user, pk, MANAGE)
    return spreadsheets.download(exports.evaluation_table(meeting), fmt)


@login_required
@require_POST
def evaluation_close(request, pk: int):
    meeting = evaluation_meeting_or_404(request.user, pk, MANAGE)
    closed = request.POST.get("closed") == "1"
    services.evaluation_close(meeting=meeting, closed=closed)
    messages.success(
        request,
        _("The evaluation is closed.") if closed else _("The evaluation is open again."),
    )
    return redirect("programme:exercise_evaluation", pk=meeting.pk)


@login_required
@require_POST
def principle_add(request, pk: int):
    meeting = evaluation_meeting_or_404(request.user, pk, MANAGE)
    form = PrincipleForm(request.POST)
    response = submit(
        request,
        form,
        lambda data: services.principle_add(meeting=meeting, user=request.user, **data),
        success=_("It was added to the list."),
        redirect_to=_evaluation_url(meeting.pk),
    )
    return response or _evaluation_page(request, meeting, principle_form=form)


@login_required
@require_POST
def principle_delete(request, pk: int):
    principle = principle_or_404(request.user, pk, MANAGE)
    meeting_pk = principle.meeting_id
    services.principle_delete(principle=principle)
    messages.success(request, _("It was removed from the list."))
    return redirect("programme:exercise_evaluation", pk=meeting_pk)
