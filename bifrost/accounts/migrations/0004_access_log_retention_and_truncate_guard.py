"""On PostgreSQL, the database itself now limits what the retention purge may
delete and refuses TRUNCATE of the access log.

- The retention lives in a one-row table, ``accounts_access_log_policy``, which
  ``audit.purge`` sets from ``ACCESS_LOG_RETENTION_DAYS`` before deleting. The
  guard lets a DELETE through only with the purge flag on AND for a row older
  than that retention: a session that sets the flag can no longer delete recent
  rows.
- TRUNCATE (which skips row triggers) is refused by a statement trigger. Django's
  throwaway test databases (named ``test_…``) are exempt, because the test runner
  empties every table with TRUNCATE between tests; a test can switch the
  exemption off for its transaction with ``SET LOCAL bifrost.refuse_truncate = 'on'``
  to see production's answer.
SQLite (the demo mode) relies on the model's own refusal.
"""

from django.db import migrations

GUARD = """
CREATE TABLE IF NOT EXISTS accounts_access_log_policy (
    id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    retention_days integer NOT NULL CHECK (retention_days >= 1)
);
INSERT INTO accounts_access_log_policy (id, retention_days) VALUES (1, 730)
    ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION accounts_access_log_guard() RETURNS trigger AS $$
DECLARE
    keep integer;
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('bifrost.access_log_purge', true) = 'on' THEN
        SELECT retention_days INTO keep FROM accounts_access_log_policy WHERE id = 1;
        IF keep IS NOT NULL AND OLD.created_at < now() - make_interval(days => keep) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'access log rows younger than the retention period cannot be deleted';
    END IF;
    RAISE EXCEPTION 'access log rows cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION accounts_access_log_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_database() LIKE 'test\\_%%'
       AND current_setting('bifrost.refuse_truncate', true) IS DISTINCT FROM 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the access log cannot be truncated';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS accounts_access_log_no_truncate ON accounts_accesslogentry;
CREATE TRIGGER accounts_access_log_no_truncate
    BEFORE TRUNCATE ON accounts_accesslogentry
    FOR EACH STATEMENT EXECUTE FUNCTION accounts_access_log_no_truncate();
"""

UNGUARD = """
DROP TRIGGER IF EXISTS accounts_access_log_no_truncate ON accounts_accesslogentry;
DROP FUNCTION IF EXISTS accounts_access_log_no_truncate();
CREATE OR REPLACE FUNCTION accounts_access_log_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('bifrost.access_log_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'access log rows cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
DROP TABLE IF EXISTS accounts_access_log_policy;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNGUARD)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_access_log_guard")]
    operations = [migrations.RunPython(forwards, backwards)]
