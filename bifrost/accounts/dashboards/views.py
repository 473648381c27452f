"""The dashboard: each role lands on its own overview of what to do next.

The panels come from the apps (`panels.register_panel` in their AppConfig.ready),
so this view imports none of them; `visits.since_for` says what counts as new.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from bifrost.accounts.dashboards import selectors
from bifrost.accounts.dashboards.panels import NO_ROLE, Viewer
from bifrost.accounts.dashboards.visits import since_for
from bifrost.accounts.models import Role
from bifrost.accounts.organisations.selectors import organisation_counts
from bifrost.accounts.selectors import memberships_of, primary_role

DASHBOARD_TEMPLATES = {
    Role.FACILITATOR: "accounts/dashboards/facilitator.html",
    Role.ADVISOR: "accounts/dashboards/advisor.html",
    Role.SMV_OWNER: "accounts/dashboards/smv_owner.html",
}


@never_cache
@login_required
def dashboard(request):
    role = primary_role(request.user)
    memberships = list(memberships_of(request.user))
    context = {"memberships": memberships, "role": role}
    now = timezone.now()
    viewer = Viewer(
        user=request.user, role=role or NO_ROLE, now=now, since=since_for(request, now=now)
    )
    context["viewer"] = viewer
    context["panels"] = selectors.dashboard_panels(viewer)
    if role is None:
        return render(request, "accounts/dashboards/no_role.html", context)
    if role == Role.FACILITATOR:
        context["organisation_counts"] = organisation_counts()
    return render(request, DASHBOARD_TEMPLATES[role], context)
