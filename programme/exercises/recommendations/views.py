"""Pages of the recommendations workshop (meeting 5). Views parse, check permissions
and call services; anything a person may not see or do is a 404. The PDF of the
published set is `programme.exports.views.recommendations_pdf`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from programme.exercises.recommendations import selectors, services
from programme.exercises.recommendations.forms import (
    CommentForm,
    MergeForm,
    RecommendationEditForm,
    RecommendationForm,
)
from programme.exercises.recommendations.rules import (
    recommendation_or_404,
    recommendations_meeting_or_404,
)
from programme.exercises.rules import CONTRIBUTE, MANAGE, VIEW, exercise_flags
from programme.models import Meeting, Recommendation


def _recommendations_page(
    request, meeting: Meeting, *, form=None, comment_form=None, comment_on=None
):
    context = exercise_flags(request.user, meeting)
    board = selectors.recommendations_board(meeting, request.user)
    if context["can_contribute"]:
        context["form"] = form or RecommendationForm()
        for recommendation in board:
            recommendation.comment_form = (
                comment_form
                if comment_on == recommendation.pk
                else CommentForm(prefix=f"c{recommendation.pk}")
            )
    context.update(board=board, published=selectors.published_recommendations(meeting))
    return render(request, "programme/exercises/recommendations/recommendations.html", context)


def _board_url(recommendation: Recommendation) -> str:
    url = reverse("programme:exercise_recommendations", args=[recommendation.meeting_id])
    return f"{url}#recommendation-{recommendation.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def recommendations(request, pk: int):
    meeting = recommendations_meeting_or_404(request.user, pk, VIEW)
    if request.method == "GET":
        return _recommendations_page(request, meeting)
    require_perm(request.user, CONTRIBUTE, meeting)
    form = RecommendationForm(request.POST)
    response = submit(
        request,
        form,
        lambda data: services.recommendation_propose(
            meeting=meeting, author=request.user, text=data["text"]
        ),
        success=_("Your recommendation was added."),
        redirect_to=reverse("programme:exercise_recommendations", args=[meeting.pk]),
    )
    return response or _recommendations_page(request, meeting, form=form)


@login_required
@require_POST
def recommendation_comment(request, pk: int):
    recommendation = recommendation_or_404(request.user, pk, CONTRIBUTE)
    form = CommentForm(request.POST, prefix=f"c{recommendation.pk}")
    response = submit(
        request,
        form,
        lambda data: services.recommendation_comment(
            recommendation=recommendation, author=request.user, text=data["text"]
        ),
        success=_("Your comment was added."),
        redirect_to=_board_url(recommendation),
    )
    return response or _recommendations_page(
        request,
        recommendation.meeting,
        comment_form=form,
        comment_on=recommendation.pk,
    )


@login_required
@require_POST
def recommendation_endorse(request, pk: int):
    recommendation = recommendation_or_404(request.user, pk, CONTRIBUTE)
    try:
        endorsed = services.recommendation_endorse_toggle(
            recommendation=recommendation, user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You endorse the recommendation.")
            if endorsed
            else _("Your endorsement was removed."),
        )
    return redirect(_board_url(recommendation))


@login_required
@require_POST
def recommendation_publish(request, pk: int):
    recommendation = recommendation_or_404(request.user, pk, MANAGE)
    published = request.POST.get("published") == "1"
    try:
        services.recommendation_publish(recommendation=recommendation, published=published)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The recommendation is in the published set.")
            if published
            else _("The recommendation was taken out of the published set."),
        )
    return redirect(_board_url(recommendation))


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_merge(request, pk: int):
    source = recommendation_or_404(request.user, pk, MANAGE)
    if source.is_merged:
        raise Http404
    # Bound on every POST, also an empty one (an empty POST is invalid, not "no submission").
    form = MergeForm(request.POST if request.method == "POST" else None, source=source)
    response = submit(
        request,
        form,
        lambda data: services.recommendation_merge(source=source, target=data["target"]),
        success=_("The recommendations were merged."),
        redirect_to=_board_url,
    )
    return response or render(
        request,
        "programme/exercises/recommendations/recommendation_merge.html",
        {"meeting": source.meeting, "source": source, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(request, pk: int):
    """The facilitator changes a recommendation's wording before it is published.
    A published one shows why it cannot be edited (and how), without a form."""
    recommendation = recommendation_or_404(request.user, pk, MANAGE)
    if recommendation.is_merged:
        raise Http404
    locked = recommendation.published_at is not None
    form = None
    if not locked:
        form = RecommendationEditForm(
            request.POST if request.method == "POST" else None, instance=recommendation
        )
        response = submit(
            request,
            form,
            lambda data: services.recommendation_edit(
                recommendation=recommendation, text=data["text"], user=request.user
            ),
            success=_("The wording was changed; the earlier wording is kept."),
            redirect_to=_board_url,
        )
        if response:
            return response
    return render(
        request,
        "programme/exercises/recommendations/recommendation_edit.html",
        {
            "meeting": recommendation.meeting,
            "recommendation": recommendation,
            "revisions": selectors.wording_revisions(recommendation),
            "form": form,
            "locked": locked,
        },
    )
