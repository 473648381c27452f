"""A version for every database table, changed by every write to it.

`bifrost.core.viewer_cache` keeps a person's pages and must know when what a
page read has changed. Instead of every service remembering to say so (and a
`QuerySet.update()`, a cascade or a raw statement forgetting), every SQL
statement Django sends passes a wrapper installed on each connection: an INSERT,
UPDATE or DELETE gives its table a new version in the shared cache, at once and
again when the transaction commits (a reader between the two may have stored
what it read before the commit; the second change makes that entry stale). A
TRUNCATE changes the version of everything.

While a page is being built under `tracking()`, the same wrapper collects the
tables its statements read and wrote.

Writes made outside Django (psql by hand) are not seen: viewer_cache entries
therefore also expire after a short time.
"""

import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created

KEY_PREFIX = "tv:"
EVERYTHING = "*"  # a table name no table has: changed by TRUNCATE, read by every page

_WRITTEN = re.compile(r"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)
_TRUNCATE = re.compile(r"^\s*TRUNCATE\b", re.IGNORECASE)
_READ = re.compile(r"\b(?:FROM|JOIN)\s+\"?(\w+)", re.IGNORECASE)
# Statements that change no page: the session row (every request may save it).
_NOT_PAGE_DATA = frozenset({"django_session"})
# Columns no kept page shows, per table: an UPDATE that sets only these changes no
# page. `accounts_user.last_login` is stamped by every sign-in and shown only by the
# admin and the personal-data download (neither kept); every page reads the user
# table, so otherwise each sign-in anywhere emptied everybody's kept pages.
_NOT_PAGE_COLUMNS = {"accounts_user": frozenset({"last_login"})}
# Only the plain form Django writes, `SET "a" = %s, "b" = %s WHERE`: anything else
# (an expression, a subquery) counts as a change.
_PLAIN_UPDATE = re.compile(
    r'^\s*UPDATE\s+"?(\w+)"?\s+SET\s+((?:"?\w+"?\s*=\s*%s\s*,\s*)*"?\w+"?\s*=\s*%s)\s+WHERE\s',
    re.IGNORECASE,
)
_SET_COLUMN = re.compile(r'"?(\w+)"?\s*=\s*%s')


class Tracked:
    """The tables read and written by the SQL of one block (see `tracking()`)."""

    def __init__(self) -> None:
        self.read: set[str] = set()
        self.written: set[str] = set()


_tracking: ContextVar[Tracked | None] = ContextVar("bifrost_tables_tracked", default=None)
# Per table, the people whose own rows the writes of the current block touch.
_owners: ContextVar[dict[str, frozenset] | None] = ContextVar("bifrost_owners", default=None)


def owned(table: str, owner: Any) -> str:
    """The name under which one person's own rows of `table` are versioned."""
    return f"{table}@{owner}"


@contextmanager
def written_for(table: str, owners: Iterable[Any]) -> Iterator[None]:
    """Writes to `table` within the block touch only the rows of these people: they
    change each person's own version (`owned`), not the table's, so nobody else's
    kept pages are emptied. Only for a table whose kept pages show a person nothing
    but their own rows (`bifrost.core.viewer_cache.PER_PERSON`); any write to it made
    outside such a block (a cascade, a purge, the admin) still changes the table's."""
    declared = dict(_owners.get() or {})
    declared[table] = frozenset(owners)
    token = _owners.set(declared)
    try:
        yield
    finally:
        _owners.reset(token)


def key(table: str) -> str:
    return f"{KEY_PREFIX}{table}"


def versions(tables: "list[str] | tuple[str, ...]") -> dict[str, str | None]:
    """The current version of each table. A table without one (never written since the
    cache began, or its key evicted) gets a new one, so a lost key can never make an
    old entry look current (None if another process gave it one at the same time)."""
    found = cache.get_many([key(table) for table in tables])
    current = {table: found.get(key(table)) for table in tables}
    for table, version in current.items():
        if version is None:
            fresh = secrets.token_hex(8)
            current[table] = fresh if cache.add(key(table), fresh, timeout=None) else None
    return current


def change(tables: "set[str] | frozenset[str]") -> None:
    """Give each table a new version (any value that was not its version before)."""
    if tables:
        cache.set_many({key(table): secrets.token_hex(8) for table in tables}, timeout=None)


def start_tracking() -> tuple[Tracked, Token]:
    """Collect the tables read and written from now on, until `stop_tracking(token)`."""
    tracked = Tracked()
    return tracked, _tracking.set(tracked)


def stop_tracking(token: Token) -> None:
    _tracking.reset(token)


@contextmanager
def tracking() -> Iterator[Tracked]:
    tracked, token = start_tracking()
    try:
        yield tracked
    finally:
        stop_tracking(token)


def _written_tables(sql: str) -> set[str]:
    if _TRUNCATE.match(sql):
        return {EVERYTHING}
    update = _PLAIN_UPDATE.match(sql)
    if update and set(_SET_COLUMN.findall(update.group(2))) <= _NOT_PAGE_COLUMNS.get(
        update.group(1), frozenset()
    ):
        return set()
    return {name for name in _WRITTEN.findall(sql) if name not in _NOT_PAGE_DATA}


def _per_person(written: set[str]) -> set[str]:
    declared = _owners.get()
    if not declared or not written & declared.keys():
        return written
    return {table for table in written if table not in declared} | {
        owned(table, owner) for table in written & declared.keys() for owner in declared[table]
    }


def _track(execute, sql, params, many, context):
    written = _per_person(_written_tables(sql)) if isinstance(sql, str) else set()
    tracked = _tracking.get()
    if tracked is not None and isinstance(sql, str):
        tracked.read.update(name for name in _READ.findall(sql) if name not in _NOT_PAGE_DATA)
        tracked.written.update(written)
    result = execute(sql, params, many, context)
    if written:
        # Every write at once, not only a table's first in the transaction: until the
        # commit, a later write is seen only through this (and a test's transaction
        # never commits).
        change(written)
        connection = context["connection"]
        if connection.in_atomic_block:
            _change_on_commit(connection, written)
    return result


def _change_on_commit(connection, written: set[str]) -> None:
    """One change per table when the transaction commits, however many rows it wrote."""
    pending: _Pending | None = getattr(connection, "_bifrost_tables_pending", None)
    # Still waiting for this transaction's commit? (A rollback drops the callback.)
    if pending is None or not any(entry[1] is pending for entry in connection.run_on_commit):
        pending = _Pending()
        connection._bifrost_tables_pending = pending
        transaction.on_commit(pending, using=connection.alias)
    pending.tables.update(written)


class _Pending:
    """The tables a transaction wrote, changed once when it commits."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def __call__(self) -> None:
        change(self.tables)


def _install(sender, connection, **kwargs) -> None:
    if _track not in connection.execute_wrappers:
        connection.execute_wrappers.append(_track)


def install() -> None:
    """Called once from the core's AppConfig.ready(), before any connection is made."""
    connection_created.connect(_install, dispatch_uid="bifrost.core.table_versions")
