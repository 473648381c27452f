"""Pages of the meeting exercises. Views parse, check permissions and call services.

Seeing a page needs `programme.view_meeting` (participants of the meeting and
facilitators); writing an entry needs `programme.contribute_exercise` (participants);
moderating, merging, publishing, closing and recording needs
`programme.manage_meeting` (facilitators). Anything else is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.access import require_perm
from bifrost.core.submit import add_errors
from programme import exercise_selectors as ex_selectors
from programme import exercise_services as ex_services
from programme.exercise_selectors import (
    DILEMMA_WORKSHOPS,
    EVALUATION,
    PREJUDICE_GAME,
    RECOMMENDATIONS,
)
from programme.forms_exercises import (
    AssumptionForm,
    AssumptionReviewForm,
    CommentForm,
    DilemmaChoiceForm,
    DilemmaForm,
    EvaluationForm,
    MergeForm,
    PrincipleForm,
    RecommendationForm,
    ScenarioForm,
)
from programme.models import (
    Assumption,
    DilemmaChoice,
    Meeting,
    Principle,
    Recommendation,
    Scenario,
)

VIEW = "programme.view_meeting"
CONTRIBUTE = "programme.contribute_exercise"
MANAGE = "programme.manage_meeting"


def _meeting(request, pk: int, perm: str, numbers: tuple[int, ...]) -> Meeting:
    """The meeting if it runs this exercise and the person may do `perm`; else 404."""
    meeting = Meeting.objects.select_related("programme").filter(pk=pk).first()
    if meeting is None or meeting.number not in numbers:
        raise Http404
    require_perm(request.user, perm, meeting)
    return meeting


def _object(request, model, pk: int, perm: str, numbers: tuple[int, ...], related="meeting"):
    """An exercise object whose meeting the person may do `perm` on; else 404."""
    obj = model.objects.select_related(f"{related}__programme").filter(pk=pk).first()
    meeting = None if obj is None else obj.meeting
    if meeting is None or meeting.number not in numbers:
        raise Http404
    require_perm(request.user, perm, meeting)
    return obj


def _post(request):
    """The POST data to bind a form to, also when it is empty (an empty POST is invalid,
    not "no submission")."""
    return request.POST if request.method == "POST" else None


def _flags(request, meeting: Meeting) -> dict:
    return {
        "meeting": meeting,
        "can_manage": request.user.has_perm(MANAGE, meeting),
        "can_contribute": request.user.has_perm(CONTRIBUTE, meeting),
    }


# --- Meeting 1: prejudice game ------------------------------------------------------------


def _review_form(context, row, bound_review):
    if not context["can_manage"]:
        return None
    if bound_review is not None and bound_review.prefix == f"a{row.pk}":
        return bound_review
    return AssumptionReviewForm(
        prefix=f"a{row.pk}", initial={"status": row.status, "note": row.note}
    )


def _assumptions_page(request, meeting: Meeting, *, form=None, bound_review=None):
    context = _flags(request, meeting)
    state = ex_selectors.exercise_state(meeting)
    revealed = state.assumptions_revealed_at is not None
    context.update(revealed=revealed, state=state)
    if context["can_contribute"]:
        sides = ex_selectors.participant_sides(request.user, meeting.programme)
        context["form"] = form or AssumptionForm(sides=sides)
        context["own"] = ex_selectors.own_assumptions(meeting, request.user)
    if context["can_manage"] or revealed:
        # [(side, heading, [(row, review form or None)])]: only facilitators get forms.
        context["groups"] = [
            (side, label, [(row, _review_form(context, row, bound_review)) for row in rows])
            for side, label, rows in ex_selectors.assumptions_grouped(meeting)
        ]
    return render(request, "programme/exercises/assumptions.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assumptions(request, pk: int):
    meeting = _meeting(request, pk, VIEW, (PREJUDICE_GAME,))
    if request.method == "GET":
        return _assumptions_page(request, meeting)
    require_perm(request.user, CONTRIBUTE, meeting)
    sides = ex_selectors.participant_sides(request.user, meeting.programme)
    form = AssumptionForm(request.POST, sides=sides)
    if form.is_valid():
        try:
            ex_services.assumption_add(meeting=meeting, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your assumption was added."))
            return redirect("programme:exercise_assumptions", pk=meeting.pk)
    return _assumptions_page(request, meeting, form=form)


@login_required
@require_POST
def assumption_review(request, pk: int):
    assumption = _object(request, Assumption, pk, MANAGE, (PREJUDICE_GAME,))
    form = AssumptionReviewForm(request.POST, prefix=f"a{assumption.pk}")
    if form.is_valid():
        ex_services.assumption_review(assumption=assumption, **form.cleaned_data)
        messages.success(request, _("The assumption was updated."))
        url = reverse("programme:exercise_assumptions", args=[assumption.meeting_id])
        return redirect(f"{url}#assumption-{assumption.pk}")
    return _assumptions_page(request, assumption.meeting, bound_review=form)


@login_required
@require_POST
def assumption_remove(request, pk: int):
    assumption = _object(request, Assumption, pk, MANAGE, (PREJUDICE_GAME,))
    meeting_pk = assumption.meeting_id
    ex_services.assumption_remove(assumption=assumption)
    messages.success(request, _("The assumption was removed."))
    return redirect("programme:exercise_assumptions", pk=meeting_pk)


@login_required
@require_POST
def assumptions_reveal(request, pk: int):
    meeting = _meeting(request, pk, MANAGE, (PREJUDICE_GAME,))
    revealed = request.POST.get("revealed") == "1"
    ex_services.assumptions_reveal(meeting=meeting, revealed=revealed)
    messages.success(
        request,
        _("Participants now see all assumptions.")
        if revealed
        else _("The assumptions are hidden from participants again."),
    )
    return redirect("programme:exercise_assumptions", pk=meeting.pk)


# --- Meetings 2 and 4: dilemma workshop ----------------------------------------------------


def _dilemmas_page(request, meeting: Meeting, *, form=None, dilemma_form=None):
    context = _flags(request, meeting)
    context.update(
        catalogue=ex_selectors.dilemma_catalogue(),
        choices=ex_selectors.dilemma_choices(meeting.programme),
    )
    if request.user.has_perm("programme.choose_dilemma", meeting):
        companies = ex_selectors.user_enrolled_companies(request.user, meeting.programme)
        context["form"] = form or DilemmaChoiceForm(companies=companies)
    if context["can_manage"]:
        context["dilemma_form"] = dilemma_form or DilemmaForm()
    return render(request, "programme/exercises/dilemmas.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def dilemmas(request, pk: int):
    meeting = _meeting(request, pk, VIEW, DILEMMA_WORKSHOPS)
    if request.method == "GET":
        return _dilemmas_page(request, meeting)
    require_perm(request.user, "programme.choose_dilemma", meeting)
    companies = ex_selectors.user_enrolled_companies(request.user, meeting.programme)
    form = DilemmaChoiceForm(request.POST, companies=companies)
    if form.is_valid():
        try:
            _choice, created = ex_services.dilemma_choose(
                meeting=meeting, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Your dilemma was added.") if created else _("Your description was updated."),
            )
            return redirect("programme:exercise_dilemmas", pk=meeting.pk)
    return _dilemmas_page(request, meeting, form=form)


@login_required
@require_POST
def dilemma_add(request, pk: int):
    meeting = _meeting(request, pk, MANAGE, DILEMMA_WORKSHOPS)
    form = DilemmaForm(request.POST)
    if form.is_valid():
        try:
            ex_services.dilemma_add(**form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The dilemma was added to the catalogue."))
            return redirect("programme:exercise_dilemmas", pk=meeting.pk)
    return _dilemmas_page(request, meeting, dilemma_form=form)


@login_required
@require_POST
def dilemma_seed(request, pk: int):
    meeting = _meeting(request, pk, MANAGE, DILEMMA_WORKSHOPS)
    added = ex_services.dilemma_seed_catalogue()
    messages.success(
        request,
        ngettext(
            "%(count)d example dilemma was added.", "%(count)d example dilemmas were added.", added
        )
        % {"count": added},
    )
    return redirect("programme:exercise_dilemmas", pk=meeting.pk)


def _scenario_form_page(request, meeting, form, *, choice, scenario):
    return render(
        request,
        "programme/exercises/scenario_form.html",
        {"meeting": meeting, "form": form, "choice": choice, "scenario": scenario},
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario_create(request, pk: int, choice_pk: int):
    meeting = _meeting(request, pk, MANAGE, DILEMMA_WORKSHOPS)
    choice = (
        DilemmaChoice.objects.select_related("company", "dilemma", "meeting")
        .filter(pk=choice_pk, meeting__programme_id=meeting.programme_id)
        .first()
    )
    if choice is None:
        raise Http404
    form = ScenarioForm(_post(request), initial={"title": choice.dilemma.title})
    if request.method == "POST" and form.is_valid():
        try:
            ex_services.scenario_save(
                meeting=meeting, user=request.user, choice=choice, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The dilemma play was created."))
            return redirect("programme:exercise_dilemmas", pk=meeting.pk)
    return _scenario_form_page(request, meeting, form, choice=choice, scenario=None)


@login_required
@require_http_methods(["GET", "POST"])
def scenario_edit(request, pk: int):
    scenario = _object(request, Scenario, pk, MANAGE, DILEMMA_WORKSHOPS)
    choice = DilemmaChoice.objects.select_related("company", "dilemma", "meeting").get(
        pk=scenario.choice_id
    )
    form = ScenarioForm(_post(request), instance=scenario)
    if request.method == "POST" and form.is_valid():
        try:
            ex_services.scenario_save(
                meeting=scenario.meeting, user=request.user, scenario=scenario, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The dilemma play was saved."))
            return redirect("programme:exercise_dilemmas", pk=scenario.meeting_id)
    return _scenario_form_page(request, scenario.meeting, form, choice=choice, scenario=scenario)


# --- Meeting 5: recommendations ------------------------------------------------------------


def _recommendations_page(
    request, meeting: Meeting, *, form=None, comment_form=None, comment_on=None
):
    context = _flags(request, meeting)
    board = ex_selectors.recommendations_board(meeting, request.user)
    if context["can_contribute"]:
        context["form"] = form or RecommendationForm()
        for recommendation in board:
            recommendation.comment_form = (
                comment_form
                if comment_on == recommendation.pk
                else CommentForm(prefix=f"c{recommendation.pk}")
            )
    context.update(board=board, published=ex_selectors.published_recommendations(meeting))
    return render(request, "programme/exercises/recommendations.html", context)


def _board_url(recommendation: Recommendation) -> str:
    url = reverse("programme:exercise_recommendations", args=[recommendation.meeting_id])
    return f"{url}#recommendation-{recommendation.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def recommendations(request, pk: int):
    meeting = _meeting(request, pk, VIEW, (RECOMMENDATIONS,))
    if request.method == "GET":
        return _recommendations_page(request, meeting)
    require_perm(request.user, CONTRIBUTE, meeting)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            ex_services.recommendation_propose(
                meeting=meeting, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your recommendation was added."))
            return redirect("programme:exercise_recommendations", pk=meeting.pk)
    return _recommendations_page(request, meeting, form=form)


@login_required
@require_POST
def recommendation_comment(request, pk: int):
    recommendation = _object(request, Recommendation, pk, CONTRIBUTE, (RECOMMENDATIONS,))
    form = CommentForm(request.POST, prefix=f"c{recommendation.pk}")
    if form.is_valid():
        try:
            ex_services.recommendation_comment(
                recommendation=recommendation, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your comment was added."))
            return redirect(_board_url(recommendation))
    return _recommendations_page(
        request,
        recommendation.meeting,
        comment_form=form,
        comment_on=recommendation.pk,
    )


@login_required
@require_POST
def recommendation_endorse(request, pk: int):
    recommendation = _object(request, Recommendation, pk, CONTRIBUTE, (RECOMMENDATIONS,))
    try:
        endorsed = ex_services.recommendation_endorse_toggle(
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
    recommendation = _object(request, Recommendation, pk, MANAGE, (RECOMMENDATIONS,))
    published = request.POST.get("published") == "1"
    try:
        ex_services.recommendation_publish(recommendation=recommendation, published=published)
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
    source = _object(request, Recommendation, pk, MANAGE, (RECOMMENDATIONS,))
    if source.is_merged:
        raise Http404
    form = MergeForm(_post(request), source=source)
    if request.method == "POST" and form.is_valid():
        try:
            target = ex_services.recommendation_merge(
                source=source, target=form.cleaned_data["target"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The recommendations were merged."))
            return redirect(_board_url(target))
    return render(
        request,
        "programme/exercises/recommendation_merge.html",
        {"meeting": source.meeting, "source": source, "form": form},
    )


@login_required
def recommendations_pdf(request, pk: int):
    meeting = _meeting(request, pk, VIEW, (RECOMMENDATIONS,))
    published = ex_selectors.published_recommendations(meeting)
    if not published:
        raise Http404
    content = ex_selectors.recommendations_pdf(
        request=request, meeting=meeting, recommendations=published
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="anbefalinger-{meeting.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Meeting 6: evaluation, principles and tools -------------------------------------------


def _evaluation_page(request, meeting: Meeting, *, form=None, principle_form=None):
    context = _flags(request, meeting)
    state = ex_selectors.exercise_state(meeting)
    context.update(
        closed=state.evaluation_closed_at is not None,
        state=state,
        principles=ex_selectors.principles_of(meeting),
    )
    if context["can_contribute"]:
        response = ex_selectors.evaluation_response(meeting, request.user)
        context["response"] = response
        if form is None:
            initial = {}
            if response is not None:
                initial = {**response.answers, "free_text": response.free_text}
            form = EvaluationForm(initial=initial)
        context["form"] = form
    if context["can_manage"]:
        context["summary"] = ex_selectors.evaluation_summary(meeting)
        context["principle_form"] = principle_form or PrincipleForm()
    return render(request, "programme/exercises/evaluation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def evaluation(request, pk: int):
    meeting = _meeting(request, pk, VIEW, (EVALUATION,))
    if request.method == "GET":
        return _evaluation_page(request, meeting)
    require_perm(request.user, CONTRIBUTE, meeting)
    form = EvaluationForm(request.POST)
    if form.is_valid():
        try:
            ex_services.evaluation_submit(
                meeting=meeting,
                respondent=request.user,
                answers=form.answers(),
                free_text=form.cleaned_data["free_text"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you. Your answers were saved."))
            return redirect("programme:exercise_evaluation", pk=meeting.pk)
    return _evaluation_page(request, meeting, form=form)


@login_required
@require_POST
def evaluation_close(request, pk: int):
    meeting = _meeting(request, pk, MANAGE, (EVALUATION,))
    closed = request.POST.get("closed") == "1"
    ex_services.evaluation_close(meeting=meeting, closed=closed)
    messages.success(
        request,
        _("The evaluation is closed.") if closed else _("The evaluation is open again."),
    )
    return redirect("programme:exercise_evaluation", pk=meeting.pk)


@login_required
@require_POST
def principle_add(request, pk: int):
    meeting = _meeting(request, pk, MANAGE, (EVALUATION,))
    form = PrincipleForm(request.POST)
    if form.is_valid():
        try:
            ex_services.principle_add(meeting=meeting, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("It was added to the list."))
            return redirect("programme:exercise_evaluation", pk=meeting.pk)
    return _evaluation_page(request, meeting, principle_form=form)


@login_required
@require_POST
def principle_delete(request, pk: int):
    principle = _object(request, Principle, pk, MANAGE, (EVALUATION,))
    meeting_pk = principle.meeting_id
    ex_services.principle_delete(principle=principle)
    messages.success(request, _("It was removed from the list."))
    return redirect("programme:exercise_evaluation", pk=meeting_pk)
