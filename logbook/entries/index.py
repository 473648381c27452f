"""The Danish search index of logbook entries in the embedded SQLite mode.

PostgreSQL searches a logbook's entries with the `danish` configuration directly
(`selectors.entries`: one logbook's entries are few, so no stored vector). SQLite
has no Danish: the FTS5 table `logbook_entry_fts` (migration 0006) keeps each
entry's lexemes, the title in one column and everything else written in the
other, and the query is stemmed the same way.

The rows follow the entries through `post_save`/`post_delete` receivers (every
write, the services', the demo's and cascades alike); an entry that is only
marked deleted keeps its row, and the list's own filters leave it out. Which
entries someone may search is never decided here: the index is only asked
which of the already filtered entries match.
"""

from django.db import connection

from bifrost.core.search.fts5 import Fts5Table
from logbook.entries.schema import LINE_FIELDS, TEXT_FIELDS
from logbook.models import Entry

ENTRY_FTS = Fts5Table("logbook_entry_fts", ("title", "text"))
_OTHER_TEXT = tuple(name for name in TEXT_FIELDS if name != "title")


def entry_row(entry) -> tuple[int, tuple[str, str]]:
    parts = [getattr(entry, name) or "" for name in _OTHER_TEXT]
    for name in LINE_FIELDS:
        parts.extend(str(item) for item in getattr(entry, name) or [])
    return entry.pk, (entry.title, "\n".join(parts))


def entry_saved(sender, instance: Entry, update_fields=None, **kwargs) -> None:
    """`post_save` of an Entry: its text is indexed again (unless no text changed)."""
    if connection.vendor != "sqlite":
        return
    if update_fields is not None and not set(update_fields) & {*TEXT_FIELDS, *LINE_FIELDS}:
        return
    ENTRY_FTS.replace(*entry_row(instance))


def entry_deleted(sender, instance: Entry, **kwargs) -> None:
    """`post_delete` of an Entry (the purge, a logbook's cascade): its row goes."""
    if connection.vendor == "sqlite" and instance.pk is not None:
        ENTRY_FTS.delete([instance.pk])


def rebuild() -> int:
    """Index every entry anew (SQLite; PostgreSQL needs nothing stored)."""
    if connection.vendor != "sqlite":
        return 0
    ENTRY_FTS.clear()
    fields = ("pk", *TEXT_FIELDS, *LINE_FIELDS)
    return ENTRY_FTS.replace_many(entry_row(e) for e in Entry.objects.only(*fields).iterator(500))
