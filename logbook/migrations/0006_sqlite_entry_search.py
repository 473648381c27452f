"""The embedded mode's Danish search of logbook entries: an FTS5 table of their
lexemes (SQLite only; PostgreSQL searches with its `danish` configuration). The
entries already there are indexed at once."""

from django.db import migrations

from logbook.entries.index import ENTRY_FTS, entry_row


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    ENTRY_FTS.create(schema_editor)
    Entry = apps.get_model("logbook", "Entry")
    entries = Entry.objects.using(schema_editor.connection.alias).all()
    ENTRY_FTS.replace_many((entry_row(e) for e in entries), using=schema_editor.connection)


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        ENTRY_FTS.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("logbook", "0005_comment_threads")]

    operations = [migrations.RunPython(create_fts, drop_fts, elidable=False)]
