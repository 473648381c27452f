"""A GIN index of the adjacent lexeme pairs of each page's search vector, so a
phrase is checked only on the pages that have its pairs (`knowledge.search.phrases`).

PostgreSQL only (the embedded SQLite mode's FTS5 index keeps positions itself).
An expression index: PostgreSQL computes the pairs from `search_vector` whenever
a row is written, so saving, publishing, `rebuild_search_index` and this
migration (for the pages already there) all fill it without a line of their own.
"""

from django.db import migrations

# IMMUTABLE (the pairs depend on the vector alone), so it may back an index;
# STRICT: a page without a vector has no pairs. The self-join on position + 1,
# not lead() over the sorted positions: several lexemes can share a position
# (the last one, 16383, holds every word past it).
CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION knowledge_search_pairs(vector tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    WITH word AS (
        SELECT entry.lexeme, position
        FROM unnest(vector) AS entry, unnest(entry.positions) AS position
    )
    SELECT coalesce(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
    FROM word AS a JOIN word AS b ON b.position = a.position + 1
$$
"""
CREATE_INDEX = (
    "CREATE INDEX IF NOT EXISTS knowledge_page_search_pairs_gin "
    "ON knowledge_page USING gin (knowledge_search_pairs(search_vector))"
)


def create_pairs_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FUNCTION)
        schema_editor.execute(CREATE_INDEX)


def drop_pairs_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knowledge_page_search_pairs_gin")
        schema_editor.execute("DROP FUNCTION IF EXISTS knowledge_search_pairs(tsvector)")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_sqlite_page_search")]

    operations = [migrations.RunPython(create_pairs_index, drop_pairs_index, elidable=False)]
