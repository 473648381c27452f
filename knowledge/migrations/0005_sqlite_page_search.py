"""The embedded mode's Danish search: an FTS5 table of the pages' lexemes.

SQLite only (PostgreSQL has the stored vector and its GIN index, 0002). The
pages already there are indexed at once, so an existing demo database finds
them after `migrate` without another step.
"""

from django.db import migrations

from knowledge.search.index import PAGE_FTS


def create_fts(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    PAGE_FTS.create(schema_editor)
    Page = apps.get_model("knowledge", "Page")
    pages = Page.objects.using(schema_editor.connection.alias).only(
        "pk", "title", "summary", "body_text"
    )
    PAGE_FTS.replace_many(
        ((page.pk, (page.title, page.summary, page.body_text)) for page in pages),
        using=schema_editor.connection,
    )


def drop_fts(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        PAGE_FTS.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_provenance_and_case_approvals")]

    operations = [migrations.RunPython(create_fts, drop_fts, elidable=False)]
