"""Pages of a case page's approval: the list, the exact text with both keys and the
log, and the steps (send, approve, withdraw, suggest a change). Views parse, check
the rule and call a service; another company's approval is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.access import paginate
from bifrost.core.submit import submit
from knowledge.approvals import selectors, services
from knowledge.approvals.forms import ApproveForm, SuggestionForm
from knowledge.approvals.rules import (
    ANSWER,
    SEND,
    VIEW,
    approval_or_404,
    approvals_visible_to,
    party_of,
)
from knowledge.approvals.text import preview
from knowledge.editor.selectors import newest_content
from knowledge.models import CaseApproval


def _detail_url(approval: CaseApproval) -> str:
    return reverse("knowledge:case_approval", args=[approval.pk])


@login_required
def approval_list(request):
    visible = approvals_visible_to(request.user, CaseApproval.objects.all())
    page = paginate(request, selectors.approvals_list(visible), 25)
    owned = selectors.companies_owned(request.user)
    for approval in page.object_list:
        approval.my_party = (
            "advisor"
            if approval.advisor_id == request.user.pk
            else "company"
            if approval.company_id in owned
            else ""
        )
    return render(request, "knowledge/approvals/list.html", {"page_obj": page})


def _detail(request, approval: CaseApproval, *, suggestion_form=None):
    party = party_of(request.user, approval)
    can_send = request.user.has_perm(SEND, approval)
    status = selectors.approval_status(approval, with_flags=can_send)
    context = {
        "approval": approval,
        "party": party,
        "can_send": can_send,
        "status": status,
        "events": selectors.approval_events(approval),
        "suggestions": selectors.approval_suggestions(approval),
        "sent_text": preview(approval.sent_content) if status.sent else None,
        "provenance": getattr(approval.page, "provenance", None),
    }
    if can_send:
        context["newest_text"] = preview(newest_content(approval.page))
    if party and status.sent:
        if not approval.holds(party):
            context["approve_form"] = ApproveForm(initial={"seen": approval.sent_hash})
        context["suggestion_form"] = suggestion_form or SuggestionForm()
        context["my_key_given"] = bool(approval.approved_hash(party))
    return render(request, "knowledge/approvals/detail.html", context)


@login_required
def approval_detail(request, pk: int):
    return _detail(request, approval_or_404(request.user, pk, VIEW))


def _step(request, approval: CaseApproval, action, success: str):
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(_detail_url(approval))


@login_required
@require_POST
def approval_send(request, pk: int):
    approval = approval_or_404(request.user, pk, SEND)
    return _step(
        request,
        approval,
        lambda: services.case_approval_send(approval=approval, user=request.user),
        _("The text was sent to the company and the advisor for approval."),
    )


def _party_or_404(request, approval: CaseApproval) -> str:
    party = party_of(request.user, approval)
    if party is None:
        raise Http404
    return party


@login_required
@require_POST
def approval_approve(request, pk: int):
    approval = approval_or_404(request.user, pk, ANSWER)
    party = _party_or_404(request, approval)
    form = ApproveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Read the text on this page first, then approve it."))
        return redirect(_detail_url(approval))
    return _step(
        request,
        approval,
        lambda: services.case_approval_approve(
            approval=approval, party=party, user=request.user, seen_hash=form.cleaned_data["seen"]
        ),
        _("Thank you. Your approval of this text is recorded."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def approval_withdraw(request, pk: int):
    approval = approval_or_404(request.user, pk, ANSWER)
    party = _party_or_404(request, approval)
    if request.method == "POST":
        return _step(
            request,
            approval,
            lambda: services.case_approval_withdraw(
                approval=approval, party=party, user=request.user
            ),
            _("Your approval is withdrawn. The page is not public while it is missing."),
        )
    return render(
        request,
        "knowledge/approvals/withdraw_confirm.html",
        {"approval": approval, "given": bool(approval.approved_hash(party))},
    )


@login_required
@require_POST
def approval_suggest(request, pk: int):
    approval = approval_or_404(request.user, pk, ANSWER)
    party = _party_or_404(request, approval)
    form = SuggestionForm(request.POST)
    response = submit(
        request,
        form,
        lambda data: services.case_suggestion_add(
            approval=approval, party=party, user=request.user, text=data["text"]
        ),
        success=_("Your suggestion was sent to the facilitator."),
        redirect_to=_detail_url(approval),
    )
    return response or _detail(request, approval, suggestion_form=form)
