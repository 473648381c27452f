"""Invitations: a facilitator invites and withdraws; the invitee accepts the link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.accounts.invitations import selectors, services
from bifrost.accounts.invitations.forms import AcceptInvitationForm, InvitationForm
from bifrost.accounts.invitations.rules import invitation_or_404
from bifrost.accounts.models import Invitation, User
from bifrost.accounts.organisations.rules import organisation_or_404
from bifrost.accounts.selectors import account_exists
from bifrost.core.submit import submit


def _sent_message(invitation: Invitation) -> str:
    return ngettext(
        "An invitation was sent to %(email)s. The link works for %(days)s day.",
        "An invitation was sent to %(email)s. The link works for %(days)s days.",
        settings.INVITATION_VALID_DAYS,
    ) % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS}


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, pk: int):
    organisation = organisation_or_404(request.user, pk, "accounts.invite_to_organisation")
    form = InvitationForm(request.POST or None, organisation=organisation)

    def invite(data) -> Invitation:
        invitation, _token = services.invitation_create(
            organisation=organisation,
            email=data["email"],
            role=data["role"],
            invited_by=request.user,
        )
        return invitation

    return submit(
        request,
        form,
        invite,
        success=_sent_message,
        redirect_to=reverse("organisation_detail", args=[organisation.pk]),
    ) or render(
        request,
        "accounts/invitations/form.html",
        {"form": form, "organisation": organisation},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_revoke(request, pk: int):
    invitation = invitation_or_404(request.user, pk, "accounts.revoke_invitation")
    if request.method == "POST":
        try:
            services.invitation_revoke(invitation=invitation)
        except services.InvitationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email},
            )
        return redirect("organisation_detail", pk=invitation.organisation_id)
    # GET asks for confirmation before anything changes.
    return render(request, "accounts/invitations/revoke_confirm.html", {"invitation": invitation})


@login_required
@require_POST
def invitation_resend(request, pk: int):
    """Send the link again (a new one; the old one stops working). A button, no form."""
    invitation = invitation_or_404(request.user, pk, "accounts.resend_invitation")
    try:
        invitation, _token = services.invitation_resend(invitation=invitation)
    except services.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _sent_message(invitation))
    return redirect("organisation_detail", pk=invitation.organisation_id)


def _unusable(request, error: services.InvitationError):
    return render(request, "accounts/invitations/unusable.html", {"reason": str(error)}, status=410)


@never_cache  # the page shows who is invited where; no browser or proxy keeps it
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    invitation = selectors.invitation_by_token(token)
    try:
        invitation = services.invitation_check_usable(invitation)
    except services.InvitationError as error:
        return _unusable(request, error)
    if request.user.is_authenticated:
        return _accept_as_logged_in_user(request, token, invitation)

    exists = account_exists(invitation.email)
    form = AcceptInvitationForm(request.POST or None)

    def create_account(data) -> User:
        user = services.invitation_accept(
            token=token, password=data["password1"], full_name=data["full_name"]
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return user

    try:
        response = submit(
            request,
            None if exists else form,  # an existing account logs in instead
            create_account,
            success=_("Welcome! You are now a member of %(organisation)s.")
            % {"organisation": invitation.organisation.name},
            redirect_to="dashboard",
            field_map={"password": "password1"},
        )
    except services.InvitationError as error:
        return _unusable(request, error)
    return response or render(
        request,
        "accounts/invitations/accept.html",
        {"form": form, "invitation": invitation, "account_exists": exists},
    )


def _accept_as_logged_in_user(request, token: str, invitation: Invitation):
    if request.method == "POST":
        try:
            services.invitation_accept(token=token, user=request.user)
        except services.InvitationError as error:
            return _unusable(request, error)
        messages.success(
            request,
            _("You are now a member of %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect("dashboard")
    return render(request, "accounts/invitations/accept_logged_in.html", {"invitation": invitation})
