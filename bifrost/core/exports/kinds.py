"""Export kinds, each declared once.

An app declares its kind in its `AppConfig.ready()` (or in the module that owns
the export) with `register(ExportKind(...))`; the scheduled `core.purge_exports`
task then removes that kind's old rows and files, so no app needs a purge task
of its own and no kind is forgotten by the beat schedule.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.db.models import QuerySet

from bifrost.core import queue
from bifrost.core.exports import jobs
from bifrost.core.exports.models import FileExport


@dataclass(frozen=True)
class ExportKind:
    name: str
    model: type[FileExport]
    #: The registered name of the Celery task that builds one export (called with
    #: the row's pk); by name, so the module declaring the kind need not import tasks.
    task: str
    #: render(export) → PDF bytes, or (bytes, pages).
    render: Callable[[Any], jobs.Rendered]
    #: file_name(export) → the deterministic storage name.
    file_name: Callable[[Any], str]
    #: How long a finished export is kept before the purge removes it.
    keep_for: timedelta
    #: A row waiting or running this long lost its task: a new request re-queues it.
    stale_after: timedelta
    failure_message: Callable[[BaseException], str]
    start_progress: int = 5

    def request(self, *, lookup, user, defaults=None) -> models.Model:
        return jobs.request(
            self.model,
            lookup=lookup,
            defaults=defaults or {},
            user=user,
            queue_fn=self.queue,
            stale_after=self.stale_after,
            keep_for=self.keep_for,
        )

    def queue(self, export_id: int) -> None:
        jobs.queue(self.model, export_id, queue.task(self.task), self.failure_message)

    def build(self, export_id: int) -> str:
        return jobs.build(
            self.model,
            export_id,
            render=self.render,
            file_name=self.file_name,
            failure_message=self.failure_message,
            start_progress=self.start_progress,
            on_done=_ON_DONE.get(self.name),
        )

    def set_progress(self, export_id: int, value: int) -> None:
        jobs.set_progress(self.model, export_id, value)

    def purge(self, *, now: datetime | None = None) -> int:
        return jobs.purge(self.model, keep_for=self.keep_for, now=now)

    def recover_stalled(self, *, now: datetime | None = None) -> list[int]:
        return jobs.recover_stalled(self.model, queue_fn=self.queue, now=now)


_KINDS: dict[str, ExportKind] = {}
#: Kind name → called with the export when a build finishes it (in the build's
#: transaction), e.g. to notify `requested_by`. Registered by the owning app's
#: `AppConfig.ready()`, so the module declaring the kind imports no services.
_ON_DONE: dict[str, Callable[[Any], None]] = {}


@dataclass(frozen=True)
class Listing:
    """How the exports of a kind appear in lists outside their own page (the
    facilitator's dashboard lists the failed ones)."""

    #: visible(user) → the rows of the kind's model the person may see.
    visible: Callable[[Any], QuerySet]
    #: describe(export) → (what the file is, the local path where it is handled);
    #: names and titles only, never the error or the content.
    describe: Callable[[Any], tuple[str, str]]
    #: What `describe` reads, for `select_related`.
    related: tuple[str, ...] = ()


#: Kind name → its listing, registered by the owning app's `AppConfig.ready()`
#: (the access rule that decides `visible` lives in that app).
_LISTINGS: dict[str, Listing] = {}


def listed(
    name: str,
    *,
    visible: Callable[[Any], QuerySet],
    describe: Callable[[Any], tuple[str, str]],
    related: tuple[str, ...] = (),
) -> None:
    """Let lists of exports show kind `name` to whoever `visible` allows."""
    _LISTINGS[name] = Listing(visible=visible, describe=describe, related=related)


def listings() -> list[Listing]:
    return [_LISTINGS[kind.name] for kind in registered() if kind.name in _LISTINGS]


def on_done(name: str, callback: Callable[[Any], None]) -> None:
    """Call `callback(export)` whenever an export of kind `name` is finished."""
    _ON_DONE[name] = callback


def register(kind: ExportKind) -> ExportKind:
    _KINDS[kind.name] = kind
    return kind


def registered() -> list[ExportKind]:
    return list(_KINDS.values())


def purge_all(*, now: datetime | None = None) -> int:
    return sum(kind.purge(now=now) for kind in registered())


def recover_all(*, now: datetime | None = None) -> int:
    return sum(len(kind.recover_stalled(now=now)) for kind in registered())
