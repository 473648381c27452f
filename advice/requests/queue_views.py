"""The provider's pages: its queue (rank, waiting time, what fits the capacity), the
capacity editor, and the answer to a request (accept with a start date, decline)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from advice.requests import decisions, selectors
from advice.requests.forms import AcceptForm, CapacityForm, ReasonForm
from advice.requests.rules import advice_request_or_404, provider_or_404
from bifrost.core.submit import submit


@login_required
def provider_queue(request, slug: str):
    provider = provider_or_404(request.user, slug)
    return render(
        request,
        "advice/requests/queue.html",
        {
            "provider": provider,
            "queue": selectors.provider_queue(provider),
            "can_manage": request.user.has_perm("advice.manage_capacity", provider),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def provider_capacity(request, slug: str):
    provider = provider_or_404(request.user, slug, "advice.manage_capacity")
    form = CapacityForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: decisions.capacity_save(provider=provider, **data),
        success=_("The period is saved."),
        redirect_to=reverse("advice:provider_capacity", args=[provider.slug]),
    ) or render(
        request,
        "advice/requests/capacity.html",
        {
            "provider": provider,
            "form": form,
            "periods": selectors.provider_queue(provider).periods,
        },
    )


@login_required
@require_POST
def provider_capacity_delete(request, slug: str, pk: int):
    provider = provider_or_404(request.user, slug, "advice.manage_capacity")
    capacity = provider.capacities.filter(pk=pk).first()
    if capacity is None:
        messages.info(request, _("The period was already deleted."))
        return redirect("advice:provider_capacity", slug=provider.slug)
    try:
        decisions.capacity_delete(provider=provider, capacity=capacity)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The period is deleted."))
    return redirect("advice:provider_capacity", slug=provider.slug)


@login_required
@require_http_methods(["GET", "POST"])
def request_accept(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.decide_request")
    form = AcceptForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: decisions.request_accept(
            advice_request=advice_request, by=request.user, start_date=data["start_date"]
        ),
        success=_("The request is accepted and the course is planned."),
        redirect_to=lambda course: reverse("advice:course_detail", args=[course.pk]),
    ) or render(
        request,
        "advice/requests/accept.html",
        {"form": form, "advice_request": advice_request},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_decline(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.decide_request")
    form = ReasonForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: decisions.request_decline(
            advice_request=advice_request, by=request.user, reason=data["reason"]
        ),
        success=_("The request is declined. The workplace may choose another provider."),
        redirect_to=reverse("advice:provider_queue", args=[advice_request.provider.slug]),
    ) or render(
        request,
        "advice/requests/reason_form.html",
        {"form": form, "advice_request": advice_request, "purpose": "decline"},
    )
