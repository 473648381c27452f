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

Within a visit, looks closer together than `LOOK_STEP` count as one: the dashboard
then writes nothing at all (neither the row nor the session), so a reload can be
answered from the viewer cache (`bifrost.core.viewer_cache`) instead of being built
each time. The recorded last look is then at most `LOOK_STEP` older than the real
one, so the next visit may show up to that much of the previous visit's end as new
again: it errs on showing something twice, never on hiding it.
"""

import datetime

from bifrost.accounts.dashboards import services

SESSION_KEY = "dashboard_visit"
#: A pause longer than this between two looks at the dashboard starts a new visit.
VISIT_GAP = datetime.timedelta(hours=1)
#: Looks of one visit closer together than this are recorded once.
LOOK_STEP = datetime.timedelta(minutes=5)


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
    if isinstance(held, dict):
        seen = _parse(held.get("seen"))
        if seen is not None and datetime.timedelta(0) <= now - seen <= VISIT_GAP:
            since = _parse(held.get("since"))
            if now - seen >= LOOK_STEP:
                services.dashboard_look_record(user=request.user, now=now)
                _hold(request, since=since, seen=now)
            return since
    previous = services.dashboard_visit_record(user=request.user, now=now)
    _hold(request, since=previous, seen=now)
    return previous


def _hold(request, *, since: datetime.datetime | None, seen: datetime.datetime) -> None:
    request.session[SESSION_KEY] = {
        "since": since.isoformat() if since else None,
        "seen": seen.isoformat(),
    }
