"""Pages of the prejudice game (meeting 1). Views parse, check permissions and call
services; anything a person may not see or do is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from programme.exercises.prejudice_game import selectors, services
from programme.exercises.prejudice_game.forms import AssumptionForm, AssumptionReviewForm
from programme.exercises.prejudice_game.rules import (
    assumption_or_404,
    prejudice_game_meeting_or_404,
)
from programme.exercises.rules import CONTRIBUTE, MANAGE, VIEW, exercise_flags
from programme.exercises.selectors import exercise_state
from programme.models import Meeting


def _board_url(meeting_pk: int) -> str:
    return reverse("programme:exercise_assumptions", args=[meeting_pk])


def _review_form(context, row, bound_review):
    if not context["can_manage"]:
        return None
    if bound_review is not None and bound_review.prefix == f"a{row.pk}":
        return bound_review
    return AssumptionReviewForm(
        prefix=f"a{row.pk}", initial={"status": row.status, "note": row.note}
    )


def _assumptions_page(request, meeting: Meeting, *, form=None, bound_review=None):
    context = exercise_flags(request.user, meeting)
    state = exercise_state(meeting)
    revealed = state.assumptions_revealed_at is not None
    context.update(revealed=revealed, state=state)
    if context["can_contribute"]:
        sides = selectors.participant_sides(request.user, meeting.programme)
        context["form"] = form or AssumptionForm(sides=sides)
        context["own"] = selectors.own_assumptions(meeting, request.user)
    if context["can_manage"] or revealed:
        # [(side, heading, [(row, review form or None)])]: only facilitators get forms.
        context["groups"] = [
            (side, label, [(row, _review_form(context, row, bound_review)) for row in rows])
            for side, label, rows in selectors.assumptions_grouped(meeting)
        ]
    return render(request, "programme/exercises/prejudice_game/assumptions.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assumptions(request, pk: int):
    meeting = prejudice_game_meeting_or_404(request.user, pk, VIEW)
    if request.method == "GET":
        return _assumptions_page(request, meeting)
    require_perm(request.user, CONTRIBUTE, meeting)
    sides = selectors.participant_sides(request.user, meeting.programme)
    form = AssumptionForm(request.POST, sides=sides)
    response = submit(
        request,
        form,
        lambda data: services.assumption_add(meeting=meeting, author=request.user, **data),
        success=_("Your assumption was added."),
        redirect_to=_board_url(meeting.pk),
    )
    return response or _assumptions_page(request, meeting, form=form)


@login_required
@require_POST
def assumption_review(request, pk: int):
    assumption = assumption_or_404(request.user, pk, MANAGE)
    form = AssumptionReviewForm(request.POST, prefix=f"a{assumption.pk}")
    response = submit(
        request,
        form,
        lambda data: services.assumption_review(assumption=assumption, **data),
        success=_("The assumption was updated."),
        redirect_to=f"{_board_url(assumption.meeting_id)}#assumption-{assumption.pk}",
    )
    return response or _assumptions_page(request, assumption.meeting, bound_review=form)


@login_required
@require_POST
def assumption_remove(request, pk: int):
    assumption = assumption_or_404(request.user, pk, MANAGE)
    meeting_pk = assumption.meeting_id
    services.assumption_remove(assumption=assumption)
    messages.success(request, _("The assumption was removed."))
    return redirect("programme:exercise_assumptions", pk=meeting_pk)


@login_required
@require_POST
def assumptions_reveal(request, pk: int):
    meeting = prejudice_game_meeting_or_404(request.user, pk, MANAGE)
    revealed = request.POST.get("revealed") == "1"
    services.assumptions_reveal(meeting=meeting, revealed=revealed)
    messages.success(
        request,
        _("Participants now see all assumptions.")
        if revealed
        else _("The assumptions are hidden from participants again."),
    )
    return redirect("programme:exercise_assumptions", pk=meeting.pk)
