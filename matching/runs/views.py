"""The facilitator's matching page (weights, pair rules) and the match run pages.

Views parse and respond; writes go through `matching.runs.services`, reads
through `matching.runs.selectors`, access through `matching.runs.rules`.
Anyone without access gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bifrost.core import spreadsheets
from bifrost.core.http import is_htmx
from bifrost.core.submit import submit
from matching.models import MatchRun
from matching.profiles.rules import programme_or_404
from matching.runs import exports, rules, selectors, services
from matching.runs.forms import (
    ConfirmForm,
    OverrideForm,
    PairRuleForm,
    RunCreateForm,
    SwapForm,
    WeightsForm,
)
from matching.runs.rules import MANAGE
from programme.programmes.selectors import companies_in

# --- The facilitator's matching page ---------------------------------------------


def _matching_url(programme) -> str:
    return reverse("matching:programme", kwargs={"pk": programme.pk})


def _rule_form(programme, data=None) -> PairRuleForm:
    return PairRuleForm(
        data, companies=companies_in(programme), advisors=selectors.advisors_for_rules(programme)
    )


def _render_matching(request, programme, *, weights_form=None, rule_form=None, run_form=None):
    """The matching page; a bound form replaces its blank one (kept input and errors)."""
    context = {
        "programme": programme,
        **selectors.matching_page(programme),
        "weights_form": weights_form or WeightsForm(instance=selectors.weights_of(programme)),
        "rule_form": rule_form or _rule_form(programme),
        "run_form": run_form or RunCreateForm(),
    }
    return render(request, "matching/runs/programme.html", context)


@login_required
def programme_matching(request, pk: int):
    programme = programme_or_404(request.user, pk, MANAGE)
    return _render_matching(request, programme)


@login_required
@require_POST
def weights(request, pk: int):
    programme = programme_or_404(request.user, pk, MANAGE)
    form = WeightsForm(request.POST, instance=selectors.weights_of(programme))
    done = submit(
        request,
        form,
        lambda data: services.weights_save(programme=programme, by=request.user, **data),
        success=_("The weights were saved."),
        redirect_to=_matching_url(programme),
    )
    return done or _render_matching(request, programme, weights_form=form)


@login_required
@require_POST
def rule_add(request, pk: int):
    programme = programme_or_404(request.user, pk, MANAGE)
    form = _rule_form(programme, request.POST)
    done = submit(
        request,
        form,
        lambda data: services.pair_rule_add(programme=programme, by=request.user, **data),
        success=_("The pair rule was added."),
        redirect_to=_matching_url(programme),
    )
    return done or _render_matching(request, programme, rule_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def rule_remove(request, pk: int):
    rule = rules.pair_rule_or_404(request.user, pk, MANAGE)
    if request.method == "POST":
        services.pair_rule_remove(rule=rule, by=request.user)
        messages.success(request, _("The pair rule was removed."))
        return redirect("matching:programme", pk=rule.programme_id)
    return render(request, "matching/runs/rule_remove_confirm.html", {"rule": rule})


# --- Match runs -----------------------------------------------------------------


@login_required
@require_POST
def run_create(request, pk: int):
    programme = programme_or_404(request.user, pk, MANAGE)
    form = RunCreateForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: services.match_run_create(
            programme=programme, mode=data["mode"], by=request.user
        ),
        success=None,
        redirect_to=lambda run: reverse("matching:run", kwargs={"pk": run.pk}),
    )
    return done or _render_matching(request, programme, run_form=form)


def _run_context(run: MatchRun, *, feedback=None, swap_form=None) -> dict:
    view = selectors.run_view(run)
    return {
        "run": run,
        "view": view,
        "is_draft": run.status == MatchRun.Status.DRAFT,
        "swap_form": swap_form or SwapForm(pairs=[p for p in view.pairs if not p.is_kept]),
        "other_modes": [m for m in MatchRun.Mode if m != run.mode],
        "feedback": feedback or [],
    }


@login_required
def run_detail(request, pk: int):
    run = rules.run_or_404(request.user, pk, MANAGE)
    context = _run_context(run)
    context["history"] = selectors.runs_of(run.programme)
    return render(request, "matching/runs/run.html", context)


def _after_change(request, run: MatchRun, feedback: list[tuple[str, str]]):
    """htmx: re-render the pairs; otherwise messages and back to the run page."""
    if is_htmx(request):
        context = _run_context(run, feedback=feedback)
        return render(request, "matching/runs/_run_pairs.html", context)
    for level, text in feedback:
        getattr(messages, level)(request, text)
    return redirect("matching:run", pk=run.pk)


@login_required
@require_POST
def run_override(request, pk: int):
    run = rules.run_or_404(request.user, pk, MANAGE)
    view = selectors.run_view(run)
    form = OverrideForm(request.POST, advisor_choices=view.advisor_choices)
    feedback = []
    if not form.is_valid():
        feedback.append(("error", _("Choose an advisor from the list.")))
    else:
        try:
            warnings = services.match_run_override(
                run=run,
                company_id=form.cleaned_data["company"],
                advisor_id=form.cleaned_data["advisor"],
                by=request.user,
            )
        except ValidationError as error:
            feedback.extend(("error", message) for message in error.messages)
        else:
            feedback.append(("success", _("The advisor was changed.")))
            feedback.extend(("warning", warning) for warning in warnings)
    return _after_change(request, run, feedback)


@login_required
@require_POST
def run_swap(request, pk: int):
    run = rules.run_or_404(request.user, pk, MANAGE)
    view = selectors.run_view(run)
    form = SwapForm(request.POST, pairs=[p for p in view.pairs if not p.is_kept])
    feedback = []
    if not form.is_valid():
        feedback.extend(("error", message) for message in form.non_field_errors())
        if not feedback:
            feedback.append(("error", _("Choose two companies from the lists.")))
    else:
        try:
            services.match_run_swap(
                run=run,
                company_a=form.cleaned_data["company_a"],
                company_b=form.cleaned_data["company_b"],
                by=request.user,
            )
        except ValidationError as error:
            feedback.extend(("error", message) for message in error.messages)
        else:
            feedback.append(("success", _("The two companies swapped advisors.")))
    return _after_change(request, run, feedback)


@login_required
@require_http_methods(["GET", "POST"])
def run_confirm(request, pk: int):
    run = rules.run_or_404(request.user, pk, MANAGE)
    if run.status != MatchRun.Status.DRAFT:
        messages.info(request, _("This run is no longer a draft."))
        return redirect("matching:run", pk=run.pk)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opened = services.match_run_confirm(
                run=run,
                by=request.user,
                discard_other_drafts=form.cleaned_data["discard_other_drafts"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("matching:run", pk=run.pk)
        messages.success(
            request,
            ngettext(
                "The match is confirmed: %(count)s new case was opened and both sides "
                "were told by e-mail.",
                "The match is confirmed: %(count)s new cases were opened and both sides "
                "were told by e-mail.",
                len(opened),
            )
            % {"count": len(opened)},
        )
        return redirect("matching:run", pk=run.pk)
    return render(
        request,
        "matching/runs/run_confirm.html",
        {"run": run, "view": selectors.run_view(run), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def run_discard(request, pk: int):
    run = rules.run_or_404(request.user, pk, MANAGE)
    if run.status != MatchRun.Status.DRAFT:
        messages.info(request, _("This run is no longer a draft."))
        return redirect("matching:run", pk=run.pk)
    if request.method == "POST":
        services.match_run_discard(run=run, by=request.user)
        messages.success(request, _("The run was discarded. It stays in the history."))
        return redirect("matching:programme", pk=run.programme_id)
    return render(request, "matching/runs/run_discard_confirm.html", {"run": run})


@login_required
@require_safe
def run_export(request, pk: int, fmt: str):
    """The run as Danish CSV or XLSX (`fmt` comes from the URL, never from the query)."""
    run = rules.run_or_404(request.user, pk, MANAGE)
    return spreadsheets.download(exports.run_table(run), fmt)
