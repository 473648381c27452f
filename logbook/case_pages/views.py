"""The facilitator drafts a case page from a logbook (`/logbook/<id>/case-page/new/`).

Only with the company's research consent (`rules.DRAFT`; anyone else 404). The
page shows the logbook's change logics and entries, so every visit and every
draft is written to the company's access log.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bifrost.accounts.models import AccessLogEntry
from bifrost.core.submit import submit
from logbook.access.rules import logbook_or_404
from logbook.access.services import log_access
from logbook.case_pages import selectors, services
from logbook.case_pages.forms import CasePageForm
from logbook.case_pages.rules import DRAFT
from logbook.logbooks.views import page_context


@login_required
@require_http_methods(["GET", "POST"])
def case_page_create(request, pk: int):
    logbook = logbook_or_404(request.user, pk, DRAFT)
    log_access(request, logbook, AccessLogEntry.Action.READ, "case_page_draft", logbook.pk)
    form = CasePageForm(request.POST or None, logbook=logbook)
    response = submit(
        request,
        form,
        lambda data: services.case_page_draft(
            logbook=logbook,
            initiative=data["initiative"],
            excerpts=list(data["excerpts"]),
            company_label=data["company_label"],
            title=data["title"],
            user=request.user,
        ),
        success=_(
            "The case page is drafted. Check it, clear every flag, then send it for approval."
        ),
        redirect_to=lambda approval: reverse("knowledge:case_approval", args=[approval.pk]),
    )
    return response or render(
        request,
        "logbook/case_pages/create.html",
        page_context(
            request,
            logbook,
            form=form,
            case=selectors.active_case(logbook),
            case_pages=selectors.case_pages_of(logbook),
        ),
    )
