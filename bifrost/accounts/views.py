"""Dashboards, organisations and invitations. Views parse input and call services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from bifrost.accounts import selectors, services
from bifrost.accounts.forms import AcceptInvitationForm, InvitationForm, OrganisationForm
from bifrost.accounts.models import Invitation, Organisation, Role, User
from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import add_errors

DASHBOARD_TEMPLATES = {
    Role.FACILITATOR: "accounts/dashboard_facilitator.html",
    Role.ADVISOR: "accounts/dashboard_advisor.html",
    Role.SMV_OWNER: "accounts/dashboard_smv_owner.html",
}


@login_required
def dashboard(request):
    role = selectors.primary_role(request.user)
    memberships = list(selectors.memberships_of(request.user))
    context = {"memberships": memberships, "role": role}
    if role is None:
        return render(request, "accounts/dashboard_no_role.html", context)
    if role == Role.FACILITATOR:
        context["pending_invitations"] = selectors.pending_invitations()
        context["organisation_counts"] = {
            kind: Organisation.objects.filter(kind=kind).count()
            for kind, _label in Organisation.Kind.choices
        }
    return render(request, DASHBOARD_TEMPLATES[role], context)


def _get_organisation(request, pk: int, perm: str) -> Organisation:
    try:
        organisation = selectors.organisation_detail(pk)
    except Organisation.DoesNotExist:
        raise Http404 from None
    require_perm(request.user, perm, organisation)
    return organisation


@login_required
def organisation_list(request):
    require_perm(request.user, "accounts.list_organisations")
    page = paginate(request, selectors.organisations_with_counts())
    return render(request, "accounts/organisation_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    require_perm(request.user, "accounts.add_organisation")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(**form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(name)s was created.") % {"name": organisation.name})
            return redirect("organisation_detail", pk=organisation.pk)
    return render(request, "accounts/organisation_form.html", {"form": form})


@login_required
def organisation_detail(request, pk: int):
    organisation = _get_organisation(request, pk, "accounts.view_organisation")
    can_invite = request.user.has_perm("accounts.invite_to_organisation", organisation)
    return render(
        request,
        "accounts/organisation_detail.html",
        {"organisation": organisation, "can_invite": can_invite},
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, pk: int):
    organisation = _get_organisation(request, pk, "accounts.invite_to_organisation")
    form = InvitationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = services.invitation_create(
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "An invitation was sent to %(email)s. The link works for %(days)s day.",
                    "An invitation was sent to %(email)s. The link works for %(days)s days.",
                    settings.INVITATION_VALID_DAYS,
                )
                % {"email": invitation.email, "days": settings.INVITATION_VALID_DAYS},
            )
            return redirect("organisation_detail", pk=organisation.pk)
    return render(
        request, "accounts/invitation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_revoke(request, pk: int):
    invitation = Invitation.objects.select_related("organisation").filter(pk=pk).first()
    if invitation is None:
        raise Http404
    require_perm(request.user, "accounts.revoke_invitation", invitation)
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
    return render(request, "accounts/invitation_revoke_confirm.html", {"invitation": invitation})


@never_cache  # the page shows who is invited where; no browser or proxy keeps it
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    invitation = selectors.invitation_by_token(token)
    try:
        services.invitation_check_usable(invitation)
    except services.InvitationError as error:
        return render(
            request, "accounts/invitation_unusable.html", {"reason": str(error)}, status=410
        )

    if request.user.is_authenticated:
        return _accept_as_logged_in_user(request, token, invitation)

    account_exists = User.objects.filter(email__iexact=invitation.email).exists()
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and not account_exists and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                password=form.cleaned_data["password1"],
                full_name=form.cleaned_data["full_name"],
            )
        except ValidationError as error:
            # Password rules give a list; other model checks give per-field errors.
            form.add_error(None if hasattr(error, "error_dict") else "password1", error)
        except services.InvitationError as error:
            return render(
                request, "accounts/invitation_unusable.html", {"reason": str(error)}, status=410
            )
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! You are now a member of %(organisation)s.")
                % {"organisation": invitation.organisation.name},
            )
            return redirect("dashboard")
    return render(
        request,
        "accounts/invitation_accept.html",
        {"form": form, "invitation": invitation, "account_exists": account_exists},
    )


def _accept_as_logged_in_user(request, token: str, invitation: Invitation):
    if request.method == "POST":
        try:
            services.invitation_accept(token=token, user=request.user)
        except services.InvitationError as error:
            return render(
                request, "accounts/invitation_unusable.html", {"reason": str(error)}, status=410
            )
        messages.success(
            request,
            _("You are now a member of %(organisation)s.")
            % {"organisation": invitation.organisation.name},
        )
        return redirect("dashboard")
    return render(
        request,
        "accounts/invitation_accept_logged_in.html",
        {"invitation": invitation},
    )
