"""The access audit log: who outside a company touched its data, and the retention purge."""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry, Organisation
from bifrost.accounts.selectors import primary_role
from bifrost.core import viewer_cache

Action = AccessLogEntry.Action


def client_ip(request) -> str | None:
    """The client's address, taking X-Forwarded-For from trusted proxies only
    (``ALLAUTH_TRUSTED_PROXY_COUNT``, the same setting the rate limits use)."""
    if request is None:
        return None
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [ip for ip in forwarded if ip]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def record(
    *,
    user,
    organisation: Organisation,
    action: str,
    object_kind: str,
    object_id: int | None = None,
    request=None,
    role: str | None = None,
) -> AccessLogEntry:
    """Write one row. ``object_kind`` names the kind of thing ("logbook", "entry",
    "export"…), never its content. A page the viewer cache keeps writes it again
    each time it is served (`bifrost.core.viewer_cache.repeat_on_every_serve`)."""
    entry = _record(
        user=user,
        organisation_id=organisation.pk,
        action=action,
        object_kind=object_kind,
        object_id=object_id,
        request=request,
        role=role,
    )
    if request is not None:
        viewer_cache.repeat_on_every_serve(
            request,
            REPEATED_WRITE,
            organisation_id=organisation.pk,
            action=action,
            object_kind=object_kind,
            object_id=object_id,
            role=role,
        )
    return entry


#: The name under which a kept page's access-log rows are written again.
REPEATED_WRITE = "accounts.access_log"


def _record(*, user, organisation_id: int, action, object_kind, object_id, request, role):
    return AccessLogEntry.objects.create(
        organisation_id=organisation_id,
        user=user,
        user_label=getattr(user, "email", "") or "",
        role=role or primary_role(user) or "",
        action=action,
        object_kind=object_kind,
        object_id=object_id,
        ip_address=client_ip(request),
    )


def record_again(request, **ids) -> None:
    """The row of a kept page's read, for the person and address of this request."""
    _record(user=request.user, request=request, **ids)


def purge(*, now=None) -> int:
    """Delete rows older than ``settings.ACCESS_LOG_RETENTION_DAYS``; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    table = AccessLogEntry._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        postgres = connection.vendor == "postgresql"
        if postgres:
            # The guard trigger lets a DELETE through only with this flag. SET LOCAL
            # ends with the transaction; it is switched off again right away in
            # case the purge runs inside a longer transaction.
            # The database deletes only rows past the retention it holds: keep it
            # in step with the setting first.
            cursor.execute(
                "UPDATE accounts_access_log_policy SET retention_days = %s WHERE id = 1",
                [settings.ACCESS_LOG_RETENTION_DAYS],
            )
            cursor.execute("SET LOCAL bifrost.access_log_purge = 'on'")
        try:
            cursor.execute(f"DELETE FROM {table} WHERE created_at < %s", [cutoff])  # noqa: S608
            return cursor.rowcount
        finally:
            if postgres:
                cursor.execute("SET LOCAL bifrost.access_log_purge = 'off'")
