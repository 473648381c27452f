"""The dashboard: each role lands on its own overview."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from bifrost.accounts.invitations.selectors import pending_invitations
from bifrost.accounts.models import Role
from bifrost.accounts.organisations.selectors import organisation_counts
from bifrost.accounts.selectors import memberships_of, primary_role

DASHBOARD_TEMPLATES = {
    Role.FACILITATOR: "accounts/dashboards/facilitator.html",
    Role.ADVISOR: "accounts/dashboards/advisor.html",
    Role.SMV_OWNER: "accounts/dashboards/smv_owner.html",
}


@login_required
def dashboard(request):
    role = primary_role(request.user)
    memberships = list(memberships_of(request.user))
    context = {"memberships": memberships, "role": role}
    if role is None:
        return render(request, "accounts/dashboards/no_role.html", context)
    if role == Role.FACILITATOR:
        context["pending_invitations"] = pending_invitations()
        context["organisation_counts"] = organisation_counts()
    return render(request, DASHBOARD_TEMPLATES[role], context)
