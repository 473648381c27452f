"""Organisations: the list (facilitators), creating and editing one, one organisation's
page, removing a member."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bifrost.accounts.organisations import selectors, services
from bifrost.accounts.organisations.forms import OrganisationEditForm, OrganisationForm
from bifrost.accounts.organisations.rules import (
    membership_or_404,
    organisation_or_404,
    visible_organisations,
)
from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import submit


@login_required
def organisation_list(request):
    require_perm(request.user, "accounts.list_organisations")
    organisations = visible_organisations(request.user, selectors.organisations_with_counts())
    return render(
        request, "accounts/organisations/list.html", {"page": paginate(request, organisations)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    require_perm(request.user, "accounts.add_organisation")
    form = OrganisationForm(request.POST or None)
    return submit(
        request,
        form,
        lambda data: services.organisation_create(**data),
        success=lambda organisation: _("%(name)s was created.") % {"name": organisation.name},
        redirect_to=lambda organisation: reverse("organisation_detail", args=[organisation.pk]),
    ) or render(request, "accounts/organisations/form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, pk: int):
    organisation = organisation_or_404(request.user, pk, "accounts.change_organisation")
    saved_name = organisation.name  # the form writes what was typed onto the instance
    form = OrganisationEditForm(request.POST or None, instance=organisation)
    return submit(
        request,
        form,
        lambda data: services.organisation_update(
            organisation=organisation, by=request.user, request=request, **data
        ),
        success=lambda organisation: _("%(name)s was saved.") % {"name": organisation.name},
        redirect_to=reverse("organisation_detail", args=[organisation.pk]),
    ) or render(
        request,
        "accounts/organisations/form.html",
        {"form": form, "organisation": organisation, "saved_name": saved_name},
    )


@login_required
def organisation_detail(request, pk: int):
    organisation = organisation_or_404(request.user, pk, "accounts.view_organisation")
    user = request.user
    return render(
        request,
        "accounts/organisations/detail.html",
        {
            "organisation": organisation,
            "can_invite": user.has_perm("accounts.invite_to_organisation", organisation),
            "can_edit": user.has_perm("accounts.change_organisation", organisation),
            "can_remove": user.has_perm("accounts.remove_member", organisation),
            "can_resend": user.has_perm("accounts.resend_invitation", organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request, pk: int):
    """GET asks first (saying what the person loses); POST removes."""
    membership = membership_or_404(request.user, pk, "accounts.remove_member")
    organisation = membership.organisation
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership, by=request.user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(person)s is no longer a member of %(organisation)s.")
                % {"person": membership.user.get_full_name(), "organisation": organisation.name},
            )
        return redirect("organisation_detail", pk=organisation.pk)
    return render(
        request,
        "accounts/organisations/membership_remove_confirm.html",
        {
            "membership": membership,
            "organisation": organisation,
            "is_self": membership.user_id == request.user.pk,
            "others": selectors.other_member_count(membership),
        },
    )
