"""Matching pages: landing, profiles, the facilitator's matching page and match runs.

Views parse and validate; writes happen in ``matching.services``. Anyone without
access gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.accounts.models import Membership, Organisation, Role, User
from bifrost.core.access import require_perm
from bifrost.core.submit import add_errors
from matching import services
from matching.forms import (
    AdvisorProfileForm,
    CompanyProfileForm,
    ConfirmForm,
    OverrideForm,
    PairRuleForm,
    RunCreateForm,
    SwapForm,
    WeightsForm,
)
from matching.models import AdvisorProfile, Case, CompanyProfile, MatchRun, PairRule
from programme.models import Enrolment, Programme
from programme.programmes.selectors import companies_in


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _url_or_none(name: str, **kwargs) -> str | None:
    """A case page's address, or None while the case pages do not exist yet."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _programme(request, pk: int, perm: str) -> Programme:
    programme = Programme.objects.filter(pk=pk).first()
    if programme is None:
        raise Http404
    require_perm(request.user, perm, programme)
    return programme


def _run(request, pk: int) -> MatchRun:
    run = MatchRun.objects.select_related("programme", "created_by", "confirmed_by").filter(pk=pk)
    run = run.first()
    if run is None:
        raise Http404
    require_perm(request.user, "matching.manage_matching", run.programme)
    return run


# --- Landing --------------------------------------------------------------------


@login_required
def landing(request):
    require_perm(request.user, "matching.view_landing")
    user = request.user
    context: dict = {"is_facilitator": user.has_perm("matching.manage_matching")}
    if context["is_facilitator"]:
        context["programmes"] = Programme.objects.order_by("-starts_on", "name")
    company_ids = list(
        Membership.objects.filter(
            user=user, role=Role.SMV_OWNER, organisation__kind=Organisation.Kind.COMPANY
        ).values_list("organisation_id", flat=True)
    )
    enrolments = list(
        Enrolment.objects.filter(organisation_id__in=company_ids, left_at__isnull=True)
        .select_related("programme", "organisation")
        .order_by("-programme__starts_on", "organisation__name")
    )
    profiles = set(
        CompanyProfile.objects.filter(company_id__in=company_ids).values_list(
            "programme_id", "company_id"
        )
    )
    cases = {
        (c.programme_id, c.company_id): c
        for c in Case.objects.filter(
            company_id__in=company_ids, status=Case.Status.ACTIVE
        ).select_related("advisor", "unit")
    }
    context["company_rows"] = [
        {
            "enrolment": e,
            "has_profile": (e.programme_id, e.organisation_id) in profiles,
            "case": cases.get((e.programme_id, e.organisation_id)),
            "case_url": _url_or_none(
                "matching:case_detail", pk=cases[(e.programme_id, e.organisation_id)].pk
            )
            if (e.programme_id, e.organisation_id) in cases
            else None,
        }
        for e in enrolments
    ]
    advisor_programmes = list(
        Programme.objects.filter(
            enrolments__left_at__isnull=True,
            enrolments__organisation__kind=Organisation.Kind.ADVISORY_UNIT,
            enrolments__organisation__memberships__user=user,
            enrolments__organisation__memberships__role=Role.ADVISOR,
        )
        .distinct()
        .order_by("-starts_on", "name")
    )
    own = {p.programme_id: p for p in AdvisorProfile.objects.filter(advisor=user)}
    context["advisor_rows"] = [
        {"programme": p, "profile": own.get(p.pk)} for p in advisor_programmes
    ]
    if advisor_programmes:
        context["dashboard_url"] = _url_or_none("matching:case_dashboard")
    return render(request, "matching/landing.html", context)


# --- Profiles -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def company_profile(request, pk: int, company_pk: int):
    programme = Programme.objects.filter(pk=pk).first()
    enrolment = (
        services.company_enrolment(programme=programme, company_id=company_pk)
        if programme
        else None
    )
    require_perm(request.user, "matching.edit_company_profile", enrolment)
    company = enrolment.organisation
    profile = (
        CompanyProfile.objects.filter(programme=programme, company=company)
        .prefetch_related("existing_units")
        .first()
    )
    units = services.enrolled_units(programme)
    form = CompanyProfileForm(
        request.POST or None,
        units=units,
        initial=CompanyProfileForm.initial_from(profile, company),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.company_profile_save(
                programme=programme,
                company=company,
                by=request.user,
                data=form.profile_data(),
                existing_units=list(form.cleaned_data["existing_units"]),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your company profile was saved."))
            return redirect("matching:landing")
    return render(
        request,
        "matching/company_profile.html",
        {"form": form, "programme": programme, "company": company, "profile": profile},
    )


@login_required
@require_http_methods(["GET", "POST"])
def advisor_profile(request, pk: int):
    programme = _programme(request, pk, "matching.edit_advisor_profile")
    profile = AdvisorProfile.objects.filter(programme=programme, advisor=request.user).first()
    units = services.advisor_units(programme=programme, advisor=request.user)
    assessment = services.role_scores_from_self_assessment(request.user)
    data = request.POST or None
    from_assessment = request.method == "POST" and "from_assessment" in request.POST
    if from_assessment and assessment is not None:
        data = request.POST.copy()
        for role, percent in assessment.items():
            data[AdvisorProfileForm.role_field(role)] = str(percent)
    form = AdvisorProfileForm(data, units=units, initial=AdvisorProfileForm.initial_from(profile))
    if from_assessment:
        if assessment is None:
            messages.info(request, _("You have not saved a self-assessment yet."))
        else:
            messages.info(
                request,
                _("Your role profile was taken from your latest self-assessment. Save to keep it."),
            )
    elif request.method == "POST" and form.is_valid():
        try:
            services.advisor_profile_save(
                programme=programme, advisor=request.user, by=request.user, data=form.profile_data()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your advisor profile was saved."))
            return redirect("matching:landing")
    return render(
        request,
        "matching/advisor_profile.html",
        {
            "form": form,
            "programme": programme,
            "profile": profile,
            "has_assessment": assessment is not None,
        },
    )


# --- The facilitator's matching page ---------------------------------------------


def _advisors_for_rules(programme):
    return User.objects.filter(advisor_profiles__programme=programme).order_by("full_name", "email")


def _matching_context(programme, *, weights_form=None, rule_form=None, run_form=None) -> dict:
    companies = list(companies_in(programme))
    with_profile = set(
        CompanyProfile.objects.filter(programme=programme).values_list("company_id", flat=True)
    )
    units = list(
        services.enrolled_units(programme).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(role=Role.ADVISOR)
                .select_related("user")
                .order_by("user__full_name", "user__email"),
                to_attr="advisor_memberships",
            )
        )
    )
    profiles = {
        p.advisor_id: p
        for p in AdvisorProfile.objects.filter(programme=programme).select_related("unit")
    }
    advisor_rows = []
    seen = set()
    for unit in units:
        for membership in unit.advisor_memberships:
            if membership.user_id in seen:
                continue
            seen.add(membership.user_id)
            advisor_rows.append(
                {"user": membership.user, "unit": unit, "profile": profiles.get(membership.user_id)}
            )
    runs = list(
        programme.match_runs.select_related("created_by", "confirmed_by").order_by(
            "-created_at", "-pk"
        )
    )
    return {
        "programme": programme,
        "company_rows": [{"company": c, "has_profile": c.pk in with_profile} for c in companies],
        "advisor_rows": advisor_rows,
        "weights_form": weights_form or WeightsForm(instance=services.weights_of(programme)),
        "rule_form": rule_form
        or PairRuleForm(companies=companies_in(programme), advisors=_advisors_for_rules(programme)),
        "rules": list(
            PairRule.objects.filter(programme=programme)
            .select_related("company", "advisor")
            .order_by("company__name", "pk")
        ),
        "run_form": run_form or RunCreateForm(),
        "runs": runs,
    }


@login_required
def programme_matching(request, pk: int):
    programme = _programme(request, pk, "matching.manage_matching")
    return render(request, "matching/programme.html", _matching_context(programme))


@login_required
@require_POST
def weights(request, pk: int):
    programme = _programme(request, pk, "matching.manage_matching")
    form = WeightsForm(request.POST, instance=services.weights_of(programme))
    if form.is_valid():
        try:
            services.weights_save(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The weights were saved."))
            return redirect("matching:programme", pk=programme.pk)
    return render(
        request, "matching/programme.html", _matching_context(programme, weights_form=form)
    )


@login_required
@require_POST
def rule_add(request, pk: int):
    programme = _programme(request, pk, "matching.manage_matching")
    form = PairRuleForm(
        request.POST, companies=companies_in(programme), advisors=_advisors_for_rules(programme)
    )
    if form.is_valid():
        try:
            services.pair_rule_add(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The pair rule was added."))
            return redirect("matching:programme", pk=programme.pk)
    return render(request, "matching/programme.html", _matching_context(programme, rule_form=form))


@login_required
@require_http_methods(["GET", "POST"])
def rule_remove(request, pk: int):
    rule = PairRule.objects.select_related("programme", "company", "advisor").filter(pk=pk).first()
    if rule is None:
        raise Http404
    require_perm(request.user, "matching.manage_matching", rule.programme)
    if request.method == "POST":
        services.pair_rule_remove(rule=rule, by=request.user)
        messages.success(request, _("The pair rule was removed."))
        return redirect("matching:programme", pk=rule.programme_id)
    return render(request, "matching/rule_remove_confirm.html", {"rule": rule})


@login_required
@require_http_methods(["GET", "POST"])
def advisor_withdraw(request, pk: int):
    profile = AdvisorProfile.objects.select_related("programme", "advisor", "unit")
    profile = profile.filter(pk=pk).first()
    if profile is None:
        raise Http404
    require_perm(request.user, "matching.manage_matching", profile.programme)
    active = list(
        Case.objects.filter(
            programme=profile.programme, advisor=profile.advisor, status=Case.Status.ACTIVE
        ).select_related("company")
    )
    if request.method == "POST":
        closed = services.advisor_withdraw(profile=profile, by=request.user)
        if closed:
            messages.success(
                request,
                _(
                    "%(name)s has dropped out and %(count)s case(s) were closed. Run a re-match "
                    "to find new advisors for those companies."
                )
                % {"name": profile.advisor.get_full_name(), "count": len(closed)},
            )
        else:
            messages.success(
                request, _("%(name)s has dropped out.") % {"name": profile.advisor.get_full_name()}
            )
        return redirect("matching:programme", pk=profile.programme_id)
    return render(
        request, "matching/advisor_withdraw_confirm.html", {"profile": profile, "active": active}
    )


# --- Match runs -----------------------------------------------------------------


@login_required
@require_POST
def run_create(request, pk: int):
    programme = _programme(request, pk, "matching.manage_matching")
    form = RunCreateForm(request.POST)
    if form.is_valid():
        try:
            run = services.match_run_create(
                programme=programme, mode=form.cleaned_data["mode"], by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("matching:run", pk=run.pk)
    return render(request, "matching/programme.html", _matching_context(programme, run_form=form))


def _run_context(run: MatchRun, *, feedback=None, swap_form=None) -> dict:
    view = services.run_view(run)
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
    run = _run(request, pk)
    context = _run_context(run)
    context["history"] = list(
        run.programme.match_runs.select_related("created_by", "confirmed_by").order_by(
            "-created_at", "-pk"
        )
    )
    return render(request, "matching/run.html", context)


def _after_change(request, run: MatchRun, feedback: list[tuple[str, str]], swap_form=None):
    """htmx: re-render the pairs; otherwise messages and back to the run page."""
    if _is_htmx(request):
        return render(
            request,
            "matching/_run_pairs.html",
            _run_context(run, feedback=feedback, swap_form=swap_form),
        )
    for level, text in feedback:
        getattr(messages, level)(request, text)
    return redirect("matching:run", pk=run.pk)


@login_required
@require_POST
def run_override(request, pk: int):
    run = _run(request, pk)
    view = services.run_view(run)
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
    run = _run(request, pk)
    view = services.run_view(run)
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
    run = _run(request, pk)
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
            _(
                "The match is confirmed: %(count)s new case(s) were opened and both sides "
                "were told by e-mail."
            )
            % {"count": len(opened)},
        )
        return redirect("matching:run", pk=run.pk)
    return render(
        request,
        "matching/run_confirm.html",
        {"run": run, "view": services.run_view(run), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def run_discard(request, pk: int):
    run = _run(request, pk)
    if run.status != MatchRun.Status.DRAFT:
        messages.info(request, _("This run is no longer a draft."))
        return redirect("matching:run", pk=run.pk)
    if request.method == "POST":
        services.match_run_discard(run=run, by=request.user)
        messages.success(request, _("The run was discarded. It stays in the history."))
        return redirect("matching:programme", pk=run.programme_id)
    return render(request, "matching/run_discard_confirm.html", {"run": run})


@login_required
def run_csv(request, pk: int):
    run = _run(request, pk)
    response = HttpResponse(services.run_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="match-run-{run.pk}.csv"'
    return response
