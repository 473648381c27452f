"""Writes of the dashboard: the person's visits."""

import datetime

from django.db import IntegrityError, connection, transaction

from bifrost.accounts.models import DashboardVisit, User


def _move_last_look(user: User, now: datetime.datetime) -> datetime.datetime | None:
    """Set the person's last look to `now` and return the one before, in one statement
    (the row joined with itself: `before` is the row as it was); None without a row.
    SQLite's RETURNING cannot name the joined row: there, two statements in one
    transaction do the same (the embedded mode has one writer at a time anyway)."""
    if connection.vendor != "postgresql":
        with transaction.atomic():
            visits = DashboardVisit.objects.filter(user=user)
            previous = visits.values_list("last_seen_at", flat=True).first()
            if previous is not None:
                visits.update(last_seen_at=now)
            return previous
    quote = connection.ops.quote_name
    table = quote(DashboardVisit._meta.db_table)
    seen = quote(DashboardVisit._meta.get_field("last_seen_at").column or "last_seen_at")
    person = quote(DashboardVisit._meta.get_field("user").column or "user_id")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS visit SET {seen} = %s FROM {table} AS before "  # noqa: S608 (names from the model)
            f"WHERE visit.{person} = %s AND before.{person} = visit.{person} "
            f"RETURNING before.{seen}",
            [now, user.pk],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def dashboard_visit_record(*, user: User, now: datetime.datetime) -> datetime.datetime | None:
    """Note that `user` opened the dashboard at `now`; the visit before it, or None
    the first time. One query (three the first time)."""
    previous = _move_last_look(user, now)
    if previous is not None:
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


def dashboard_look_record(*, user: User, now: datetime.datetime) -> None:
    """Note a later look of the visit in progress (its "since" is in the session)."""
    if not DashboardVisit.objects.filter(user=user).update(last_seen_at=now):
        dashboard_visit_record(user=user, now=now)  # the row was removed meanwhile
