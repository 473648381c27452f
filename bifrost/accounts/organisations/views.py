"""Organisations: the list (facilitators), creating one, one organisation's page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bifrost.accounts.organisations import selectors, services
from bifrost.accounts.organisations.forms import OrganisationForm
from bifrost.accounts.organisations.rules import organisation_or_404, visible_organisations
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
    ) or render(request, "accounts/organisations/form.html", {"form": form})


@login_required
def organisation_detail(request, pk: int):
    organisation = organisation_or_404(request.user, pk, "accounts.view_organisation")
    can_invite = request.user.has_perm("accounts.invite_to_organisation", organisation)
    return render(
        request,
        "accounts/organisations/detail.html",
        {"organisation": organisation, "can_invite": can_invite},
    )
