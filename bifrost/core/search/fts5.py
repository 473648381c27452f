"""An SQLite FTS5 table of Danish lexemes, one row per object (rowid = its pk).

The embedded mode's counterpart of a stored `tsvector` column: the app's
migration creates the table on SQLite only, its writes call `replace`/`delete`
where PostgreSQL's vector is updated, and its search asks `ranked` (bm25 with
one weight per column, like the A–D weights of `ts_rank`) or filters a
queryset with `rowids_matching` (or `matching`, which also takes the groups of
only excluded words). Every column holds `danish.index_text` of the
original text, and a query is `danish.parse_query(...).fts5()`, so both sides
are stemmed the same way and no user input reaches FTS5's query syntax.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from bifrost.core.search import danish

# Table and column names come from code and are checked to be plain identifiers
# (hence the S608 exemptions below); every value is a query parameter.
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class Fts5Table:
    name: str
    columns: tuple[str, ...]

    def __post_init__(self) -> None:
        for identifier in (self.name, *self.columns):
            if not _IDENTIFIER.match(identifier):
                raise ValueError(f"not a plain SQL identifier: {identifier!r}")

    # --- schema (from a migration's RunPython, on SQLite only) --------------

    def create(self, schema_editor) -> None:
        # unicode61 without removing diacritics: æ, ø and å stay letters of their own.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.name} USING fts5("
            f"{', '.join(self.columns)}, tokenize = 'unicode61 remove_diacritics 0')"
        )

    def drop(self, schema_editor) -> None:
        schema_editor.execute(f"DROP TABLE IF EXISTS {self.name}")

    # --- writes -------------------------------------------------------------

    def replace(self, rowid: int, texts: Sequence[str], *, using=None) -> None:
        """Store the lexemes of `texts` (one per column) as the row of `rowid`."""
        self.replace_many([(rowid, texts)], using=using)

    def replace_many(self, rows: Iterable[tuple[int, Sequence[str]]], *, using=None) -> int:
        params: list[list[Any]] = []
        for rowid, texts in rows:
            if len(texts) != len(self.columns):
                raise ValueError(f"{self.name} has {len(self.columns)} columns")
            params.append([rowid, *(danish.index_text(text) for text in texts)])
        if not params:
            return 0
        marks = ", ".join(["%s"] * (len(self.columns) + 1))
        with (using or connection).cursor() as cursor:
            delete = f"DELETE FROM {self.name} WHERE rowid = %s"  # noqa: S608
            cursor.executemany(delete, [[p[0]] for p in params])
            cursor.executemany(
                f"INSERT INTO {self.name} (rowid, {', '.join(self.columns)}) VALUES ({marks})",  # noqa: S608
                params,
            )
        return len(params)

    def delete(self, rowids: Iterable[int], *, using=None) -> None:
        with (using or connection).cursor() as cursor:
            cursor.executemany(f"DELETE FROM {self.name} WHERE rowid = %s", [[r] for r in rowids])  # noqa: S608

    def clear(self, *, using=None) -> None:
        with (using or connection).cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.name}")  # noqa: S608

    # --- reads --------------------------------------------------------------

    def ranked(
        self, match: str, *, weights: Sequence[float], limit: int = 1000, using=None
    ) -> dict[int, float]:
        """rowid → bm25 score (lower is better) of the best `limit` matching rows."""
        if len(weights) != len(self.columns):
            raise ValueError(f"{self.name} needs {len(self.columns)} weights")
        bm25 = f"bm25({self.name}, {', '.join(str(float(w)) for w in weights)})"
        with (using or connection).cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {bm25} AS score FROM {self.name} "  # noqa: S608
                f"WHERE {self.name} MATCH %s ORDER BY score, rowid LIMIT %s",  # noqa: S608
                [match, limit],
            )
            return dict(cursor.fetchall())

    def rowids_matching(self, match: str) -> RawSQL:
        """A subquery for `pk__in=`: the rowids of the rows matching `match`."""
        return RawSQL(f"SELECT rowid FROM {self.name} WHERE {self.name} MATCH %s", [match])  # noqa: S608, S611

    def matching(self, groups: Sequence[tuple[str, bool]]) -> Q:
        """A filter on the pk for `danish.Query.fts5_groups()` (not empty): the rows
        matching any group, where an exclusion-only group matches the rows that do
        not match its words (rows without any indexed text included)."""
        condition = Q()
        for expression, without in groups:
            rows = Q(pk__in=self.rowids_matching(expression))
            condition |= ~rows if without else rows
        return condition
