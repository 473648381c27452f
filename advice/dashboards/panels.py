"""What advice on request adds to the dashboards (`bifrost.accounts.dashboards.panels`):
one panel, for everyone (a workplace's leader or representative often has no role in
the programme), shown only to people who have requests, confirmations or a provider's
queue. `register()` runs in AdviceConfig.ready (accounts may not import advice)."""

from advice.dashboards.selectors import AdvicePanel, advice_panel
from bifrost.accounts.dashboards.panels import NO_ROLE, Viewer, register_panel
from bifrost.accounts.models import Role


def load(viewer: Viewer) -> AdvicePanel | None:
    # Every query in the read is limited to the person's own requests and the providers
    # they are a member of: the access rule of `advice.requests.rules` for parties and
    # provider people, so the panel never lists what the request pages would refuse.
    return advice_panel(viewer.user)


def register() -> None:
    register_panel(
        key="advice.requests",
        roles=(NO_ROLE, Role.SMV_OWNER, Role.ADVISOR, Role.FACILITATOR),
        order=80,
        template="advice/dashboards/dashboard_requests.html",
        load=load,
    )
