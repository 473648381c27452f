"""Matching landing page, company and advisor profiles, and an advisor's drop-out.

Views parse and respond; writes go through `matching.profiles.services`, access
through `matching.profiles.rules`. Anyone without access gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from matching.cases.selectors import active_cases_of_advisor
from matching.profiles import rules, selectors, services
from matching.profiles.forms import AdvisorProfileForm, CompanyProfileForm
from matching.runs.rules import MANAGE
from programme.models import Enrolment, Programme


@login_required
def landing(request):
    require_perm(request.user, "matching.view_landing")
    user = request.user
    context: dict = {"is_facilitator": user.has_perm(MANAGE)}
    if context["is_facilitator"]:
        context["programmes"] = selectors.programmes_newest_first()
    context["company_rows"] = selectors.company_rows(
        rules.enrolments_owned(user, Enrolment.objects.all())
    )
    context["advisor_rows"] = selectors.advisor_rows(
        rules.programmes_advised(user, Programme.objects.all()), advisor=user
    )
    return render(request, "matching/profiles/landing.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def company_profile(request, pk: int, company_pk: int):
    enrolment = rules.company_enrolment_or_404(
        request.user, pk, "matching.edit_company_profile", company_pk=company_pk
    )
    programme, company = enrolment.programme, enrolment.organisation
    profile = selectors.company_profile_of(programme=programme, company=company)
    form = CompanyProfileForm(
        request.POST or None,
        units=selectors.enrolled_units(programme),
        initial=CompanyProfileForm.initial_from(profile, company),
    )
    done = submit(
        request,
        form,
        lambda data: services.company_profile_save(
            programme=programme,
            company=company,
            by=request.user,
            data=form.profile_data(),
            existing_units=list(data["existing_units"]),
        ),
        success=_("Your company profile was saved."),
        redirect_to="matching:landing",
    )
    return done or render(
        request,
        "matching/profiles/company_profile.html",
        {"form": form, "programme": programme, "company": company, "profile": profile},
    )


@login_required
@require_http_methods(["GET", "POST"])
def advisor_profile(request, pk: int):
    programme = rules.programme_or_404(request.user, pk, "matching.edit_advisor_profile")
    profile = selectors.advisor_profile_of(programme=programme, advisor=request.user)
    units = selectors.advisor_units(programme=programme, advisor=request.user)
    assessment = selectors.role_scores_from_self_assessment(request.user)
    initial = AdvisorProfileForm.initial_from(profile)
    done = None
    if request.method == "POST" and "from_assessment" in request.POST:
        # Fill the role fields in from the self-assessment; the person saves after.
        data = request.POST.copy()
        for role, percent in (assessment or {}).items():
            data[AdvisorProfileForm.role_field(role)] = str(percent)
        form = AdvisorProfileForm(data, units=units, initial=initial)
        if assessment is None:
            messages.info(request, _("You have not saved a self-assessment yet."))
        else:
            messages.info(
                request,
                _("Your role profile was taken from your latest self-assessment. Save to keep it."),
            )
    else:
        form = AdvisorProfileForm(request.POST or None, units=units, initial=initial)
        done = submit(
            request,
            form,
            lambda data: services.advisor_profile_save(
                programme=programme, advisor=request.user, by=request.user, data=form.profile_data()
            ),
            success=_("Your advisor profile was saved."),
            redirect_to="matching:landing",
        )
    return done or render(
        request,
        "matching/profiles/advisor_profile.html",
        {
            "form": form,
            "programme": programme,
            "profile": profile,
            "has_assessment": assessment is not None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def advisor_withdraw(request, pk: int):
    profile = rules.advisor_profile_or_404(request.user, pk, MANAGE)
    if request.method == "POST":
        closed = services.advisor_withdraw(profile=profile, by=request.user)
        name = profile.advisor.get_full_name()
        if closed:
            messages.success(
                request,
                ngettext(
                    "%(name)s has dropped out and %(count)s case was closed. Run a re-match "
                    "to find a new advisor for that company.",
                    "%(name)s has dropped out and %(count)s cases were closed. Run a re-match "
                    "to find new advisors for those companies.",
                    len(closed),
                )
                % {"name": name, "count": len(closed)},
            )
        else:
            messages.success(request, _("%(name)s has dropped out.") % {"name": name})
        return redirect("matching:programme", pk=profile.programme_id)
    return render(
        request,
        "matching/profiles/advisor_withdraw_confirm.html",
        {"profile": profile, "active": active_cases_of_advisor(profile)},
    )
