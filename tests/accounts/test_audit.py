"""The access log is append-only; only the retention purge removes old rows."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory, override_settings
from django.utils import timezone

from bifrost.accounts import audit
from bifrost.accounts.models import AccessLogEntry
from tests import factories


@pytest.fixture
def row(db):
    company = factories.OrganisationFactory()
    advisor = factories.advisor()
    return audit.record(
        user=advisor,
        organisation=company,
        action=AccessLogEntry.Action.READ,
        object_kind="logbook",
        object_id=7,
    )


def test_record_keeps_who_role_what_and_when(row):
    assert row.user_label.endswith("@example.com") or "@" in row.user_label
    assert row.role == "advisor"
    assert row.action == "read"
    assert row.object_kind == "logbook"
    assert abs(row.created_at - timezone.now()) < timedelta(minutes=1)


def test_model_refuses_changes_and_deletion(row):
    row.object_kind = "entry"
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete()
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.filter(pk=row.pk).update(object_kind="entry")
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.filter(pk=row.pk).delete()


def test_database_refuses_update_and_delete_behind_the_applications_back(row):
    table = AccessLogEntry._meta.db_table
    for sql in (
        f"UPDATE {table} SET object_kind = 'x' WHERE id = %s",  # noqa: S608
        f"DELETE FROM {table} WHERE id = %s",  # noqa: S608
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [row.pk])
    assert AccessLogEntry.objects.get(pk=row.pk).object_kind == "logbook"


@override_settings(ACCESS_LOG_RETENTION_DAYS=30)
def test_purge_removes_only_rows_past_the_retention_period(row):
    old = AccessLogEntry.objects.create(
        organisation=row.organisation,
        user=row.user,
        user_label=row.user_label,
        role="advisor",
        action=AccessLogEntry.Action.EXPORT,
        object_kind="export",
        created_at=timezone.now() - timedelta(days=31),
    )
    assert audit.purge() == 1
    assert list(AccessLogEntry.objects.values_list("pk", flat=True)) == [row.pk]
    assert not AccessLogEntry.objects.filter(pk=old.pk).exists()
    # The purge flag does not outlive the purge: a plain DELETE is refused again.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {AccessLogEntry._meta.db_table} WHERE id = %s",  # noqa: S608
            [row.pk],
        )


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_client_ip_trusts_only_the_configured_proxies():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")
    request.META["HTTP_X_FORWARDED_FOR"] = "6.6.6.6, 192.0.2.10"
    assert audit.client_ip(request) == "192.0.2.10"


def test_client_ip_without_proxies_is_the_peer():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")
    request.META["HTTP_X_FORWARDED_FOR"] = "6.6.6.6"
    assert audit.client_ip(request) == "10.0.0.2"


def _delete_sql():
    return f"DELETE FROM {AccessLogEntry._meta.db_table} WHERE id = %s"  # noqa: S608


def test_with_the_purge_flag_a_session_still_cannot_delete_a_recent_row(row):
    """The purge flag alone is not enough: the database deletes only rows older than the
    retention it holds, whoever sets the flag."""
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL bifrost.access_log_purge = 'on'")
        cursor.execute(_delete_sql(), [row.pk])
    assert AccessLogEntry.objects.filter(pk=row.pk).exists()


@override_settings(ACCESS_LOG_RETENTION_DAYS=30)
def test_the_purge_keeps_the_databases_retention_in_step_with_the_setting(row):
    audit.purge()
    with connection.cursor() as cursor:
        cursor.execute("SELECT retention_days FROM accounts_access_log_policy WHERE id = 1")
        assert cursor.fetchone() == (30,)


def test_truncate_of_the_access_log_is_refused(row):
    """TRUNCATE skips row triggers; a statement trigger refuses it (test databases are
    exempt for the test runner's flush unless a transaction asks to be refused)."""
    table = AccessLogEntry._meta.db_table
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL bifrost.refuse_truncate = 'on'")
        cursor.execute(f"TRUNCATE {table}")  # noqa: S608
    assert AccessLogEntry.objects.filter(pk=row.pk).exists()
