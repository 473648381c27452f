from django.db import migrations


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS knowledge_page_search_gin "
            "ON knowledge_page USING gin (search_vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_page_search_gin")


class Migration(migrations.Migration):
    """Full-text search runs on PostgreSQL only; SQLite (embedded mode) gets no GIN index."""

    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create_gin_index, drop_gin_index)]
