"""The logbook pages of a whole logbook: the landing page (the logbooks a person
may open), the logbook page (its entries, filtered and searched) and the company's
consent and settings.

Every page finds the logbook with `logbook_or_404` (404 for anyone without
access); reads by people outside the company go to the access log.
"""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bifrost.accounts.models import AccessLogEntry, Role
from bifrost.accounts.selectors import roles_of
from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import submit
from logbook.access import rules
from logbook.access.rules import logbook_or_404
from logbook.access.services import log_access
from logbook.entries import selectors as entry_selectors
from logbook.entries.forms import FilterForm
from logbook.logbooks import forms, selectors, services

Action = AccessLogEntry.Action
ENTRIES_PER_PAGE = 20


def page_context(request, logbook, **extra) -> dict:
    """What every page of one logbook passes to its template."""
    context = {
        "logbook": logbook,
        "nav_section": "logbook",
        "is_member": request.user.has_perm("logbook.write_logbook", logbook),
    }
    context.update(extra)
    return context


@login_required
def landing(request):
    """The logbooks the person may open, by role; read-only (enrolment makes logbooks)."""
    require_perm(request.user, "logbook.view_landing")
    user = request.user
    roles = roles_of(user)
    context = {
        "nav_section": "logbook",
        "company_logbooks": list(rules.of_own_company(user, selectors.logbook_list())),
        "show_company": Role.SMV_OWNER in roles,
        "show_advisor": Role.ADVISOR in roles,
        "show_researcher": Role.FACILITATOR in roles,
    }
    if context["show_advisor"]:
        context["advisor_logbooks"] = list(
            rules.shared_with_advisor(user, selectors.logbook_list())
        )
    if context["show_researcher"]:
        shared = rules.shared_with_researchers(user, selectors.logbook_list(by_programme=True))
        context["researcher_groups"] = [
            (programme, list(items))
            for programme, items in groupby(shared, key=lambda lb: lb.programme)
        ]
    return render(request, "logbook/logbooks/landing.html", context)


@login_required
def detail(request, pk: int):
    logbook = logbook_or_404(request.user, pk)
    filters = FilterForm(request.GET or None, meetings=entry_selectors.meetings(logbook))
    kind, meeting_id, query = "", None, ""
    if filters.is_bound and filters.is_valid():
        kind = filters.cleaned_data["kind"]
        meeting = filters.cleaned_data["meeting"]
        meeting_id = meeting.pk if meeting else None
        query = filters.cleaned_data["q"].strip()
    page = paginate(
        request,
        entry_selectors.entries(logbook, kind=kind, meeting_id=meeting_id, query=query),
        ENTRIES_PER_PAGE,
    )
    action = Action.SEARCH if query else Action.READ
    log_access(request, logbook, action, "logbook", logbook.pk)
    return render(
        request,
        "logbook/logbooks/detail.html",
        page_context(
            request,
            logbook,
            page=page,
            filters=filters,
            filtering=bool(kind or meeting_id or query),
            search_query=query,
            advisor=selectors.advisor_of(logbook),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def consent(request, pk: int):
    """Consent (who may read) and settings (staff list, reminders) for the company."""
    logbook = logbook_or_404(request.user, pk, "logbook.manage_consent")
    consent_form = forms.ConsentForm(
        initial={
            "share_with_advisor": logbook.share_with_advisor,
            "share_with_researchers": logbook.share_with_researchers,
        },
        prefix="consent",
    )
    settings_form = forms.SettingsForm(
        initial={
            "staff_names": logbook.staff_names,
            "reminders_enabled": logbook.reminders_enabled,
        },
        prefix="settings",
    )
    here = reverse("logbook:consent", args=[logbook.pk])
    response = None
    if request.method == "POST" and "consent-submit" in request.POST:
        consent_form = forms.ConsentForm(request.POST, prefix="consent")
        response = submit(
            request,
            consent_form,
            lambda data: services.consent_update(logbook=logbook, by=request.user, **data),
            success=_("Your choice was saved and applies at once."),
            redirect_to=here,
        )
    elif request.method == "POST":
        settings_form = forms.SettingsForm(request.POST, prefix="settings")
        response = submit(
            request,
            settings_form,
            lambda data: services.settings_update(logbook=logbook, by=request.user, **data),
            success=_("The settings were saved."),
            redirect_to=here,
        )
    if response is not None:
        return response
    return render(
        request,
        "logbook/logbooks/consent.html",
        page_context(
            request,
            logbook,
            consent_form=consent_form,
            settings_form=settings_form,
            advisor=selectors.advisor_of(logbook),
        ),
    )
