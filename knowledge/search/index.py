"""What a page is found by: its plain text and the stored Danish search vector.

The vector weights the title (A) above the summary (B) and the text (C) and uses
the `danish` configuration, the same one the query uses (`selectors.search`).
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection

from knowledge.models import KIND_FIELDS, Page
from knowledge.rendering import plain_text, render_markdown


def searchable_text(page: Page) -> str:
    """The page's text and its structured fields, as plain text for the index."""
    parts = [page.body_html]
    for key, _label, is_list in KIND_FIELDS[page.kind]:
        value = page.field(key, [] if is_list else "")
        parts.append(render_markdown("\n".join(value) if is_list else value))
    return plain_text(" ".join(parts))


def update_search_vector(page: Page) -> None:
    """Store the page's vector (PostgreSQL only: the embedded SQLite mode has none)."""
    if connection.vendor != "postgresql":
        return
    Page.objects.filter(pk=page.pk).update(
        search_vector=SearchVector("title", weight="A", config="danish")
        + SearchVector("summary", weight="B", config="danish")
        + SearchVector("body_text", weight="C", config="danish")
    )
