"""On PostgreSQL, refuse UPDATE and DELETE on access-log rows at the database.

Only ``bifrost.accounts.audit.purge`` may delete, by setting the transaction-local
flag ``bifrost.access_log_purge``. SQLite (the demo mode) relies on the model's
own refusal.
"""

from django.db import migrations

GUARD = """
CREATE OR REPLACE FUNCTION accounts_access_log_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('bifrost.access_log_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'access log rows cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER accounts_access_log_guard
    BEFORE UPDATE OR DELETE ON accounts_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION accounts_access_log_guard();
"""

UNGUARD = """
DROP TRIGGER IF EXISTS accounts_access_log_guard ON accounts_accesslogentry;
DROP FUNCTION IF EXISTS accounts_access_log_guard();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNGUARD)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_accesslogentry")]
    operations = [migrations.RunPython(forwards, backwards)]
