"""Pages of the dilemma workshop (meetings 2 and 4). Views parse, check permissions
and call services; anything a person may not see or do is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from programme.exercises.dilemmas import selectors, services
from programme.exercises.dilemmas.forms import DilemmaChoiceForm, DilemmaForm, ScenarioForm
from programme.exercises.dilemmas.rules import dilemma_workshop_meeting_or_404, scenario_or_404
from programme.exercises.rules import MANAGE, VIEW, exercise_flags
from programme.models import Meeting
from programme.programmes.selectors import companies_represented

CHOOSE = "programme.choose_dilemma"


def _workshop_url(meeting_pk: int) -> str:
    return reverse("programme:exercise_dilemmas", args=[meeting_pk])


def _dilemmas_page(request, meeting: Meeting, *, form=None, dilemma_form=None):
    context = exercise_flags(request.user, meeting)
    context.update(
        catalogue=selectors.dilemma_catalogue(),
        choices=selectors.dilemma_choices(meeting.programme),
    )
    if request.user.has_perm(CHOOSE, meeting):
        companies = companies_represented(request.user, meeting.programme)
        context["form"] = form or DilemmaChoiceForm(companies=companies)
    if context["can_manage"]:
        context["dilemma_form"] = dilemma_form or DilemmaForm()
    return render(request, "programme/exercises/dilemmas/dilemmas.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def dilemmas(request, pk: int):
    meeting = dilemma_workshop_meeting_or_404(request.user, pk, VIEW)
    if request.method == "GET":
        return _dilemmas_page(request, meeting)
    require_perm(request.user, CHOOSE, meeting)
    companies = companies_represented(request.user, meeting.programme)
    form = DilemmaChoiceForm(request.POST, companies=companies)
    response = submit(
        request,
        form,
        lambda data: services.dilemma_choose(meeting=meeting, user=request.user, **data),
        success=lambda result: (
            _("Your dilemma was added.") if result[1] else _("Your description was updated.")
        ),
        redirect_to=_workshop_url(meeting.pk),
    )
    return response or _dilemmas_page(request, meeting, form=form)


@login_required
@require_POST
def dilemma_add(request, pk: int):
    meeting = dilemma_workshop_meeting_or_404(request.user, pk, MANAGE)
    form = DilemmaForm(request.POST)
    response = submit(
        request,
        form,
        lambda data: services.dilemma_add(**data),
        success=_("The dilemma was added to the catalogue."),
        redirect_to=_workshop_url(meeting.pk),
    )
    return response or _dilemmas_page(request, meeting, dilemma_form=form)


@login_required
@require_POST
def dilemma_seed(request, pk: int):
    meeting = dilemma_workshop_meeting_or_404(request.user, pk, MANAGE)
    added = services.dilemma_seed_catalogue()
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
        "programme/exercises/dilemmas/scenario_form.html",
        {"meeting": meeting, "form": form, "choice": choice, "scenario": scenario},
    )


@login_required
@require_http_methods(["GET", "POST"])
def scenario_create(request, pk: int, choice_pk: int):
    meeting = dilemma_workshop_meeting_or_404(request.user, pk, MANAGE)
    choice = selectors.dilemma_choice(choice_pk, programme_id=meeting.programme_id)
    if choice is None:
        raise Http404
    # Bound on every POST, also an empty one (an empty POST is invalid, not "no submission").
    data = request.POST if request.method == "POST" else None
    form = ScenarioForm(data, initial={"title": choice.dilemma.title})
    response = submit(
        request,
        form,
        lambda data: services.scenario_save(
            meeting=meeting, user=request.user, choice=choice, **data
        ),
        success=_("The dilemma play was created."),
        redirect_to=_workshop_url(meeting.pk),
    )
    return response or _scenario_form_page(request, meeting, form, choice=choice, scenario=None)


@login_required
@require_http_methods(["GET", "POST"])
def scenario_edit(request, pk: int):
    scenario = scenario_or_404(request.user, pk, MANAGE)
    choice = selectors.dilemma_choice(scenario.choice_id)
    data = request.POST if request.method == "POST" else None
    form = ScenarioForm(data, instance=scenario)
    response = submit(
        request,
        form,
        lambda data: services.scenario_save(
            meeting=scenario.meeting, user=request.user, scenario=scenario, **data
        ),
        success=_("The dilemma play was saved."),
        redirect_to=_workshop_url(scenario.meeting_id),
    )
    return response or _scenario_form_page(
        request, scenario.meeting, form, choice=choice, scenario=scenario
    )
