"""What a page is found by: its plain text and its Danish search index.

One index per database, written at the same moments (`update_search_vector`,
called by the editor's services whenever a page's live content changes):

- PostgreSQL: the stored `search_vector` with the `danish` configuration, the
  title weighted A above the summary (B) and the text (C), GIN-indexed
  (migration 0002); the query uses the same configuration (`selectors.search`).
  A second GIN index, on the vector's adjacent lexeme pairs (migration 0006,
  an expression index PostgreSQL keeps up with every write of the vector), lets
  a phrase be checked on the pages that have its pairs only (`phrases`).
- SQLite (the embedded mode): the FTS5 table `knowledge_page_fts` (migration
  0005), one row per page with the Danish lexemes of the same three columns,
  ranked with the same weights by bm25.

A deleted page leaves the FTS5 table through `page_deleted` (a `post_delete`
receiver, so cascades are covered too); `rebuild` writes either index anew
(`manage.py rebuild_search_index`, the end of `demo_data`).
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection

from bifrost.core.search.fts5 import Fts5Table
from knowledge.models import KIND_FIELDS, Page
from knowledge.rendering import plain_text, render_markdown

PAGE_FTS = Fts5Table("knowledge_page_fts", ("title", "summary", "body"))
# bm25 weights of the three columns: ts_rank's defaults for A, B and C.
PAGE_FTS_WEIGHTS = (1.0, 0.4, 0.2)


def searchable_text(page: Page) -> str:
    """The page's text and its structured fields, as plain text for the index."""
    parts = [page.body_html]
    for key, _label, is_list in KIND_FIELDS[page.kind]:
        value = page.field(key, [] if is_list else "")
        parts.append(render_markdown("\n".join(value) if is_list else value))
    return plain_text(" ".join(parts))


def _vector():
    return (
        SearchVector("title", weight="A", config="danish")
        + SearchVector("summary", weight="B", config="danish")
        + SearchVector("body_text", weight="C", config="danish")
    )


def _fts_row(page: Page) -> tuple[int, tuple[str, str, str]]:
    return page.pk, (page.title, page.summary, page.body_text)


def update_search_vector(page: Page) -> None:
    """Index the page's live content (title, summary, body_text)."""
    if connection.vendor == "postgresql":
        Page.objects.filter(pk=page.pk).update(search_vector=_vector())
    elif connection.vendor == "sqlite":
        PAGE_FTS.replace(*_fts_row(page))


def page_deleted(sender, instance: Page, **kwargs) -> None:
    """`post_delete` of a Page: its row leaves the SQLite index."""
    if connection.vendor == "sqlite" and instance.pk is not None:
        PAGE_FTS.delete([instance.pk])


def rebuild() -> int:
    """Index every page anew; returns how many."""
    if connection.vendor == "postgresql":
        return Page.objects.update(search_vector=_vector())
    if connection.vendor != "sqlite":
        return 0
    PAGE_FTS.clear()
    pages = Page.objects.only("pk", "title", "summary", "body_text").iterator(chunk_size=500)
    return PAGE_FTS.replace_many(_fts_row(page) for page in pages)
