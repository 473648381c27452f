"""Writes of the dashboard: the person's visits."""

import datetime

from django.db import IntegrityError, transaction

from bifrost.accounts.models import DashboardVisit, User


@transaction.atomic
def dashboard_visit_record(*, user: User, now: datetime.datetime) -> datetime.datetime | None:
    """Note that `user` opened the dashboard at `now`; the visit before it, or None
    the first time. Three queries at most."""
    previous = (
        DashboardVisit.objects.filter(user=user).values_list("last_seen_at", flat=True).first()
    )
    if previous is not None:
        DashboardVisit.objects.filter(user=user).update(last_seen_at=now)
        return previous
    visit = DashboardVisit(user=user, last_seen_at=now)
    visit.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            visit.save(force_insert=True)
    except IntegrityError:
        # A second tab made the row in the meantime: this visit is simply the latest.
        DashboardVisit.objects.filter(user=user).update(last_seen_at=now)
    return None
