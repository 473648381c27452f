"""A signed-in person's own pages, kept for that session until what they show changes.

The main pages a person opens again and again (the case list, a case, a programme,
an agenda …) cost tens of queries and a long template to build, and between two
visits usually nothing they read has changed. `ViewerCacheMiddleware` (the last
middleware, so login, two-factor, CSRF and every other middleware still run on
every request) answers a GET of one of the `VIEWS` below from the cache when

- the entry belongs to this very session, CSRF secret, address, language and day
  (nothing is ever shared between people or sessions, and a login starts afresh);
- no table the page read when it was built has been written since
  (`bifrost.core.table_versions`: every INSERT/UPDATE/DELETE through Django, the
  access rules' own tables included, so a withdrawn membership or a moved case
  empties it at once; of a `PER_PERSON` table, a service's write to someone else's
  rows does not count, one to the viewer's own does);
- it is younger than `VIEWER_CACHE_SECONDS` (for what depends on the clock and for
  writes made outside Django).

A page is only kept if it is a plain HTML 200, its view wrote nothing, showed no
flash message, and set no cookie. The one kind of write a kept page may have is a
write that must happen on every serve, such as the access log of an outsider's
read: the view declares it with `repeat_on_every_serve`, and each replay makes it
again (a registered writer, `register_repeated_write`, with the ids the view gave,
for the person and address of this request), so no read goes unlogged.

While the shared cache is unreachable nothing is kept or served (the fallback
memory is per process and would not see others' writes).
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from bifrost.core import table_versions
from bifrost.core.http import with_headers
from bifrost.core.models import Notification

ENTRY_PREFIX = "vc:"

# The pages people open again and again (URL names). A view is only listed when what
# it shows comes from the database, the address, the language and the day.
VIEWS = frozenset(
    {
        "dashboard",
        "core:notifications",
        "logbook:detail",
        "logbook:entry_create",
        "logbook:entry_detail",
        "matching:case_dashboard",
        "matching:case_detail",
        "matching:programme_cases",
        "matching:run",
        "programme:programme_detail",
        "programme:agenda",
        "programme:run",
        "advice:provider_queue",
    }
)


def _enabled_for(request, view_name: str) -> bool:
    return (
        request.method == "GET"
        and settings.VIEWER_CACHE_SECONDS > 0
        and view_name in VIEWS
        and getattr(request, "user", None) is not None
        and request.user.is_authenticated
        and bool(request.session.session_key)
        and not getattr(cache, "redis_down", False)
    )


def _entry_key(request) -> str:
    parts = [
        request.session.session_key,
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
        request.get_full_path(),
        translation.get_language() or "",
        timezone.localdate().isoformat(),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    ]
    return ENTRY_PREFIX + hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _has_pending_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


# Read before the view runs, so a view's own SQL may not show them (the user row, the
# roles and the bell's unread count the two-factor middleware asked for, kept on the
# user for the request): every entry depends on them, so a deactivated person, a
# withdrawn role or a new notification empties it.
READ_BEFORE_THE_VIEW = frozenset(
    {
        table_versions.EVERYTHING,
        "accounts_user",
        "accounts_membership",
        Notification._meta.db_table,
        "mfa_authenticator",
    }
)


# Tables of which a kept page shows the viewer only their own rows (the bell's count,
# the notifications list): an entry depends on the viewer's own version of each as
# well as the table's, and the services that write them name whose rows they touch
# (`table_versions.written_for`), so a notification to one person empties only that
# person's kept pages.
PER_PERSON = frozenset({Notification._meta.db_table})


def _own_tables(request) -> frozenset[str]:
    return frozenset(table_versions.owned(table, request.user.pk) for table in PER_PERSON)


@dataclass(frozen=True)
class _RepeatedWrite:
    tables: frozenset[str]
    write: Callable[..., None]


_repeated_writes: dict[str, _RepeatedWrite] = {}


def register_repeated_write(name: str, *, tables: frozenset[str], write: Callable[..., None]):
    """`write(request, **ids)` makes again, on a replay, a write a view declared with
    `repeat_on_every_serve(request, name, **ids)`; it writes only to `tables`."""
    _repeated_writes[name] = _RepeatedWrite(tables=tables, write=write)


def repeat_on_every_serve(request, name: str, **ids: Any) -> None:
    """Say that the write just made (`name`, with these plain ids) belongs to every
    serving of this page: a kept copy is then served only with it made again."""
    build = getattr(request, "_viewer_cache_build", None)
    if build is not None:
        build.repeats.append((name, ids))


# Per view: every table its pages were seen to read (in this process), so one round
# trip fetches the entry and the versions it is checked against.
_tables_read: dict[str, frozenset[str]] = {}


class _Build:
    """A page being built on a miss: what it reads and writes is tracked until the end."""

    def __init__(
        self,
        view_name: str,
        entry_key: str,
        current: dict[str, str | None],
        own_tables: frozenset[str],
    ):
        self.view_name = view_name
        self.entry_key = entry_key
        self.current = current
        self.own_tables = own_tables
        self.tracked, self.token = table_versions.start_tracking()
        self.repeats: list[tuple[str, dict[str, Any]]] = []

    def finish(self, request, response) -> None:
        table_versions.stop_tracking(self.token)
        read = self.tracked.read
        _tables_read[self.view_name] = _tables_read.get(self.view_name, frozenset()) | read
        if (
            response is not None
            and read <= self.current.keys()
            and None not in self.current.values()
            and self.tracked.written <= self._repeated_tables()
            and _keepable(request, response)
        ):
            cache.set(
                self.entry_key,
                {
                    # Only what this build read: a page of the same view that took
                    # another branch (another person's dashboard) does not tie it.
                    "versions": {
                        table: self.current[table]
                        for table in read | READ_BEFORE_THE_VIEW | self.own_tables
                    },
                    "at": time.time(),
                    "status": response.status_code,
                    "headers": [(k, v) for k, v in response.items() if k.lower() != "set-cookie"],
                    "content": response.content,
                    "repeats": self.repeats,
                },
                timeout=settings.VIEWER_CACHE_SECONDS,
            )

    def _repeated_tables(self) -> frozenset[str]:
        tables: frozenset[str] = frozenset()
        for name, _ids in self.repeats:
            tables |= _repeated_writes[name].tables
        return tables


class ViewerCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = None
        try:
            response = self.get_response(request)
            return response
        finally:
            build = getattr(request, "_viewer_cache_build", None)
            if build is not None:
                build.finish(request, response)  # None: the view raised, nothing kept

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        if not _enabled_for(request, view_name) or _has_pending_messages(request):
            return None
        own_tables = _own_tables(request)
        page_tables = _tables_read.get(view_name, frozenset()) | READ_BEFORE_THE_VIEW
        tables = sorted(page_tables | own_tables)
        entry_key = _entry_key(request)
        found = cache.get_many([entry_key, *map(table_versions.key, tables)])
        current = {table: found.get(table_versions.key(table)) for table in tables}
        entry = found.get(entry_key)
        if entry is not None and _still_valid(entry, current):
            for name, ids in entry.get("repeats", ()):
                _repeated_writes[name].write(request, **ids)
            return _replay(entry)
        if None in current.values():
            current = table_versions.versions(tables)  # gives the missing ones a version
        request._viewer_cache_build = _Build(view_name, entry_key, current, own_tables)
        return None


def _still_valid(entry: dict[str, Any], current: dict[str, str | None]) -> bool:
    if time.time() - entry["at"] > settings.VIEWER_CACHE_SECONDS:
        return False
    return all(
        table in current and current[table] == version
        for table, version in entry["versions"].items()
    )


def _keepable(request, response) -> bool:
    storage = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not (storage is not None and getattr(storage, "used", False))
    )


def _replay(entry: dict[str, Any]) -> HttpResponse:
    return with_headers(HttpResponse(entry["content"], status=entry["status"]), entry["headers"])
