"""The request-and-build cycle of a file made by a Celery task, shared by every
export kind (`kinds.ExportKind`).

An export model (a `models.FileExport`) has `status` (a `Status` with PENDING,
RUNNING, DONE, FAILED), `progress`, `error`, `file`, `finished_at`, `requested_by`
and `created_at`, and a unique constraint over what identifies one version of the
PDF; it may have `pages`.

One row per version: the unique constraint makes a double click, two tabs or two
people land on the same row, and only the request that creates (or revives) the
row queues a task. The task is idempotent: the file name is derived from the row,
an existing file of that name is replaced, and the file is written and the row
marked done under the row lock, so a retried or duplicated task never leaves a
second file behind and never rewrites a finished export.
"""

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone

from bifrost.core.exports.heartbeat import Heartbeat, stalled_after
from bifrost.core.exports.models import FileExport

logger = logging.getLogger(__name__)

ExportModel = type[FileExport]
Rendered = bytes | tuple[bytes, int]

_RESET_FIELDS = ["status", "progress", "error", "finished_at", "requested_by", "created_at"]


def request(
    model: ExportModel,
    *,
    lookup: Mapping[str, Any],
    defaults: Mapping[str, Any],
    user,
    queue_fn: Callable[[int], None],
    stale_after: timedelta,
    keep_for: timedelta | None = None,
) -> models.Model:
    """The row for `lookup` (created with `defaults`); queues `queue_fn(pk)` after the
    commit when the row is new or `needs_new_run`, resetting a revived row first."""
    with transaction.atomic():
        # The row lock makes two simultaneous requests for a failed export
        # queue one task between them, not two.
        export, created = model._default_manager.select_for_update().get_or_create(
            **lookup, defaults={"requested_by": user, **defaults}
        )
        queue_it = created or needs_new_run(export, stale_after=stale_after, keep_for=keep_for)
        if queue_it and not created:
            export.status = model.Status.PENDING
            export.progress = 0
            export.error = ""
            export.finished_at = None
            export.requested_by = user
            export.created_at = timezone.now()
            export.save(update_fields=_RESET_FIELDS)
        if queue_it:
            export_id = export.pk
            transaction.on_commit(lambda: queue_fn(export_id))
    return export


def needs_new_run(
    export: FileExport, *, stale_after: timedelta, keep_for: timedelta | None = None
) -> bool:
    """Failed; done but its file is gone (or, with `keep_for`, about to be purged);
    or waiting/running so long that its task must be lost."""
    status = type(export).Status
    if export.status == status.FAILED:
        return True
    if export.status == status.DONE:
        if keep_for is not None and export.created_at < timezone.now() - keep_for:
            return True  # about to be purged: make it anew
        return not (export.file.name and default_storage.exists(export.file.name))
    return export.created_at < timezone.now() - stale_after


def queue(
    model: ExportModel,
    export_id: int,
    task,
    failure_message: Callable[[BaseException], str],
) -> None:
    """`task.delay(export_id)`; when that raises, the row (if not finished) is FAILED."""
    try:
        task.delay(export_id)
    except Exception as error:
        # Broker down, or (eager mode) the build itself failed and already marked
        # the row. Either way the page shows "failed" and offers to try again.
        logger.exception("%s %s could not be run", model.__name__, export_id)
        model._default_manager.filter(
            pk=export_id, status__in=[model.Status.PENDING, model.Status.RUNNING]
        ).update(status=model.Status.FAILED, error=failure_message(error))


def set_progress(model: ExportModel, export_id: int, value: int) -> None:
    # Committed at once (outside any lock) so the status page can show it.
    model._default_manager.filter(pk=export_id, status=model.Status.RUNNING).update(progress=value)


def build(
    model: ExportModel,
    export_id: int,
    *,
    render: Callable[[Any], Rendered],
    file_name: Callable[[Any], str],
    failure_message: Callable[[BaseException], str],
    start_progress: int,
    on_done: Callable[[Any], None] | None = None,
) -> str:
    """Make the PDF of one export. Safe to run again: returns at once when done.

    `on_done(export)` runs in the transaction that marks it done, once per build
    that finishes it (a duplicate task that finds it done calls nothing).

    `render(export)` returns the PDF bytes, or the bytes and the page count (stored
    in `pages`). Returns the final status, or "missing" when the row is gone.
    """
    status = model.Status
    with transaction.atomic():
        export = model._default_manager.select_for_update().filter(pk=export_id).first()
        if export is None:
            return "missing"  # the meeting or logbook was deleted meanwhile
        if export.status == status.DONE and export.file:
            return export.status
        export.status = status.RUNNING
        export.progress = start_progress
        export.error = ""
        export.heartbeat_at = timezone.now()
        export.save(update_fields=["status", "progress", "error", "heartbeat_at"])
    try:
        with Heartbeat(model, export_id):
            rendered = render(export)
        content, pages = rendered if isinstance(rendered, tuple) else (rendered, None)
        with transaction.atomic():
            export = model._default_manager.select_for_update().get(pk=export_id)
            if export.status == status.DONE and export.file:
                return export.status  # a duplicate task finished first; keep its file
            name = file_name(export)
            if default_storage.exists(name):
                default_storage.delete(name)
            export.file.name = default_storage.save(name, ContentFile(content))
            fields = ["file", "status", "progress", "finished_at"]
            if pages is not None:
                export.pages = pages  # type: ignore[attr-defined]  # kinds with a page count
                fields.append("pages")
            export.status = status.DONE
            export.progress = 100
            export.finished_at = timezone.now()
            export.save(update_fields=fields)
            if on_done is not None:
                on_done(export)
    except Exception as error:
        model._default_manager.filter(pk=export_id).exclude(status=status.DONE).update(
            status=status.FAILED, error=failure_message(error)
        )
        raise
    return export.status


def purge(model: ExportModel, *, keep_for: timedelta, now: datetime | None = None) -> int:
    """Delete exports (rows and files) requested more than `keep_for` ago; returns how many."""
    cutoff = (now or timezone.now()) - keep_for
    removed = 0
    for export in model._default_manager.filter(created_at__lt=cutoff).iterator():
        if export.file and export.file.name:
            default_storage.delete(export.file.name)
        export.delete()
        removed += 1
    return removed


def recover_stalled(
    model: ExportModel,
    *,
    queue_fn: Callable[[int], None],
    silent_for: timedelta | None = None,
    now: datetime | None = None,
) -> list[int]:
    """Re-queue exports whose worker stopped stamping their heartbeat (killed while
    building). The row counts the restart so the page can say so; the build stays
    idempotent, so the lost task's late redelivery finds the export done."""
    cutoff = (now or timezone.now()) - (silent_for or stalled_after())
    stalled = Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    with transaction.atomic():
        ids = list(
            model._default_manager.select_for_update(skip_locked=True)
            .filter(stalled, status=model.Status.RUNNING)
            .values_list("pk", flat=True)
        )
        if ids:
            model._default_manager.filter(pk__in=ids).update(
                status=model.Status.PENDING,
                progress=0,
                heartbeat_at=None,
                restarts=F("restarts") + 1,
            )
            logger.warning("%s %s stalled: queued again", model.__name__, ids)
            transaction.on_commit(lambda: _queue_each(queue_fn, ids))
    return ids


def _queue_each(queue_fn: Callable[[int], None], ids: list[int]) -> None:
    for export_id in ids:
        queue_fn(export_id)
