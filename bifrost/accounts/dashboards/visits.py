"""What "new since your last visit" is measured from.

Every dashboard view writes the time to the person's `DashboardVisit` row. What the
page calls new is what happened after the *previous* visit. So that a reload, or
coming back from a comment the dashboard linked to, does not wipe the list at
once, the session keeps that "since" for the current visit: a visit goes on while
the person returns to the dashboard in the same session within `VISIT_GAP` of the
last look. After a longer pause (or in a new session, e.g. after logging in again)
a new visit begins and "since" moves up to the last look of the one before.
The first visit ever has no "since"; the page then shows what happened in the
last three weeks (`panels.FIRST_VISIT_WINDOW`) and says so.
"""

import datetime

from bifrost.accounts.dashboards import services

SESSION_KEY = "dashboard_visit"
#: A pause longer than this between two looks at the dashboard starts a new visit.
VISIT_GAP = datetime.timedelta(hours=1)


def _parse(value) -> datetime.datetime | None:
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def since_for(request, *, now: datetime.datetime) -> datetime.datetime | None:
    """The previous visit of `request.user` (None on the first), recording this look."""
    held = request.session.get(SESSION_KEY)
    previous = services.dashboard_visit_record(user=request.user, now=now)
    since = previous
    if isinstance(held, dict):
        seen = _parse(held.get("seen"))
        if seen is not None and datetime.timedelta(0) <= now - seen <= VISIT_GAP:
            since = _parse(held.get("since"))
    request.session[SESSION_KEY] = {
        "since": since.isoformat() if since else None,
        "seen": now.isoformat(),
    }
    return since
