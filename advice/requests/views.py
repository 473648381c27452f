"""The request flow's pages: start (sign up or log in), the form, the request's page,
the representative's link, withdrawing, re-inviting, sending on after a decline, and
"my requests". The provider's pages are in `queue_views.py`."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from advice.models import AdviceRequest, Provider, RequestState, Theme
from advice.requests import decisions, selectors, services
from advice.requests.forms import (
    AdviceRequestForm,
    ReasonForm,
    RedirectForm,
    RepresentativeAccountForm,
)
from advice.requests.rules import advice_request_or_404
from bifrost.accounts.adapters import open_signup
from bifrost.accounts.models import User
from bifrost.accounts.services import user_mark_email_verified
from bifrost.core.submit import submit


def _preselect(request) -> dict[str, str]:
    return {k: request.GET[k][:150] for k in ("provider", "theme") if request.GET.get(k)}


def request_start(request):
    """The catalogue's "Request a course": log in or create a leader's account first."""
    params = _preselect(request)
    create = reverse("advice:request_create") + (f"?{urlencode(params)}" if params else "")
    if request.user.is_authenticated:
        return redirect(create)
    login_url = reverse("account_login") + "?" + urlencode({"next": create})
    signup_url = reverse("advice:leader_signup") + "?" + urlencode({"next": create})
    return render(
        request,
        "advice/requests/start.html",
        {"login_url": login_url, "signup_url": signup_url},
    )


def leader_signup(request):
    """Opens the (otherwise closed) sign-up for this browser, for a workplace leader."""
    open_signup(request)
    target = request.GET.get("next", "")
    if not target.startswith("/advice/") or target.startswith("//"):
        target = reverse("advice:request_create")
    return redirect(reverse("account_signup") + "?" + urlencode({"next": target}))


def _form_page(request, form, advice_request, advice_round):
    return render(
        request,
        "advice/requests/form.html",
        {"form": form, "advice_request": advice_request, "round": advice_round},
    )


def _save(request, form, advice_round):
    def action(data) -> AdviceRequest:
        return services.request_save(
            advice_request=form.save(commit=False),
            leader=request.user,
            round=advice_round,
            themes=data["themes"],
            send=request.POST.get("action") == "submit",
        )

    def message(advice_request: AdviceRequest) -> str:
        if advice_request.state == RequestState.DRAFT:
            return _("The draft is saved. Send it when it is complete.")
        return _(
            "The request is sent. %(name)s has been e-mailed a link and has 14 days to confirm."
        ) % {"name": advice_request.representative_name}

    def target(advice_request: AdviceRequest) -> str:
        if advice_request.state == RequestState.DRAFT:
            return reverse("advice:request_edit", args=[advice_request.pk])
        return reverse("advice:request_detail", args=[advice_request.pk])

    return submit(request, form, action, success=message, redirect_to=target)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    advice_round = selectors.current_round(timezone.localdate())
    if advice_round is None:
        return render(request, "advice/requests/closed.html")
    initial = {}
    wanted = _preselect(request)
    if "provider" in wanted:
        initial["provider"] = Provider.objects.published().filter(slug=wanted["provider"]).first()
    if "theme" in wanted:
        initial["themes"] = list(Theme.objects.filter(round=advice_round, slug=wanted["theme"]))
    form = AdviceRequestForm(request.POST or None, round=advice_round, initial=initial)
    return _save(request, form, advice_round) or _form_page(request, form, None, advice_round)


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.edit_request")
    form = AdviceRequestForm(
        request.POST or None, instance=advice_request, round=advice_request.round
    )
    return _save(request, form, advice_request.round) or _form_page(
        request, form, advice_request, advice_request.round
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_delete(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.edit_request")
    if request.method == "POST":
        services.request_draft_delete(advice_request=advice_request, by=request.user)
        messages.success(request, _("The draft is deleted."))
        return redirect("advice:my_requests")
    return render(
        request, "advice/requests/delete_confirm.html", {"advice_request": advice_request}
    )


@login_required
def request_detail(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk)
    user = request.user
    can_redirect = user.has_perm("advice.redirect_request", advice_request)
    return render(
        request,
        "advice/requests/detail.html",
        {
            "advice_request": advice_request,
            "events": selectors.request_events(advice_request),
            "rank": selectors.queue_rank(advice_request),
            "is_party": advice_request.is_party(user),
            "can_withdraw": user.has_perm("advice.withdraw_request", advice_request),
            "can_reinvite": user.has_perm("advice.reinvite_request", advice_request),
            "can_edit": user.has_perm("advice.edit_request", advice_request),
            "can_decide": user.has_perm("advice.decide_request", advice_request),
            "can_redirect": can_redirect,
            "decisions": list(advice_request.decisions.select_related("provider")),
            "course": getattr(advice_request, "course", None)
            if advice_request.state == RequestState.ACCEPTED
            else None,
        },
    )


@login_required
@require_POST
def request_reinvite(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.reinvite_request")
    services.request_reinvite(advice_request=advice_request, by=request.user)
    messages.success(
        request,
        _("A new link was e-mailed to %(email)s; the old one no longer works.")
        % {"email": advice_request.representative_email},
    )
    return redirect("advice:request_detail", pk=advice_request.pk)


@login_required
@require_http_methods(["GET", "POST"])
def request_withdraw(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.withdraw_request")
    form = ReasonForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: services.request_withdraw(
            advice_request=advice_request, by=request.user, reason=data["reason"]
        ),
        success=_("The request is withdrawn."),
        redirect_to=reverse("advice:request_detail", args=[advice_request.pk]),
    ) or render(
        request,
        "advice/requests/reason_form.html",
        {"form": form, "advice_request": advice_request, "purpose": "withdraw"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_redirect(request, pk: int):
    advice_request = advice_request_or_404(request.user, pk, "advice.redirect_request")
    form = RedirectForm(
        request.POST or None, providers=decisions.providers_to_redirect_to(advice_request)
    )
    return submit(
        request,
        form,
        lambda data: decisions.request_redirect(
            advice_request=advice_request, by=request.user, provider=data["provider"]
        ),
        success=lambda r: (
            _("The request is in the queue of %(provider)s.") % {"provider": r.provider.name}
        ),
        redirect_to=reverse("advice:request_detail", args=[advice_request.pk]),
    ) or render(
        request, "advice/requests/redirect.html", {"form": form, "advice_request": advice_request}
    )


@login_required
def my_requests(request):
    return render(
        request,
        "advice/requests/mine.html",
        {
            "requests": list(selectors.requests_of_person(request.user)),
            "to_confirm": list(selectors.requests_to_confirm(request.user)),
            "providers": list(selectors.providers_of_member(request.user)),
        },
    )


# --- The representative's link -------------------------------------------------------


def _unusable(request, error: services.RequestLinkError) -> HttpResponse:
    return render(request, "advice/requests/link_unusable.html", {"reason": str(error)}, status=410)


def _new_representative(advice_request: AdviceRequest, data) -> User:
    if User.objects.filter(email__iexact=advice_request.representative_email).exists():
        raise services.RequestLinkError(
            _("An account with this e-mail already exists. Log in, then open the link again.")
        )
    user = User(email=advice_request.representative_email, full_name=data["full_name"].strip())
    user.set_password(data["password1"])
    user.full_clean()
    user.save()
    user_mark_email_verified(user)  # the link reached this mailbox
    return user


@never_cache
@require_http_methods(["GET", "POST"])
def request_confirm(request, token: str):
    """The representative reads the request and confirms or withdraws it."""
    found = services.request_by_token(token)
    user = request.user if request.user.is_authenticated else None
    if found is not None and user is not None and found.representative_id == user.pk:
        messages.info(request, _("You have already confirmed this request."))
        return redirect("advice:request_detail", pk=found.pk)
    try:
        advice_request = services.check_link(found, user)
    except services.RequestLinkError as error:
        return _unusable(request, error)
    context = {"advice_request": advice_request, "token": token}
    if user is None:
        form = RepresentativeAccountForm(request.POST or None)
        exists = User.objects.filter(email__iexact=advice_request.representative_email).exists()
        context |= {"form": form, "account_exists": exists}
        if request.method == "POST" and not exists and form.is_valid():
            try:
                new = _new_representative(advice_request, form.cleaned_data)
            except services.RequestLinkError as error:
                return _unusable(request, error)
            login(request, new, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("advice:request_confirm", token=token)
        return render(request, "advice/requests/confirm_account.html", context)
    if request.method == "POST":
        return _answer(request, token, advice_request, context)
    context["withdraw_form"] = ReasonForm()
    return render(request, "advice/requests/confirm.html", context)


def _answer(request, token: str, advice_request: AdviceRequest, context) -> HttpResponse:
    try:
        if request.POST.get("action") == "withdraw":
            form = ReasonForm(request.POST)
            if not form.is_valid():
                context["withdraw_form"] = form
                return render(request, "advice/requests/confirm.html", context)
            services.request_withdraw(
                advice_request=advice_request, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("You withdrew the request. The leader is told."))
            return redirect("advice:my_requests")
        confirmed = services.request_confirm(token=token, user=request.user)
    except services.RequestLinkError as error:
        return _unusable(request, error)
    messages.success(
        request,
        _("Thank you. The request is confirmed and in the queue of %(provider)s.")
        % {"provider": confirmed.provider.name},
    )
    return redirect("advice:request_detail", pk=confirmed.pk)
