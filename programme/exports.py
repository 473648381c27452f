"""The agenda of a meeting as a PDF, made by a Celery task (WeasyPrint, local fonts only).

One `AgendaExport` row per meeting and agenda version (a hash of what goes into
the PDF); the unique constraint makes a double click, two tabs or two people
land on the same row, and only the request that creates (or revives) the row
queues a task.

The task is idempotent: the file name is derived from the meeting and the
version, an existing file of that name is replaced, and the file is written and
the row marked done under the row lock, so a retried or duplicated task never
leaves a second file behind and never rewrites a finished export.
"""

import hashlib
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from programme import selectors
from programme.models import AgendaExport, AgendaItem, Meeting

logger = logging.getLogger(__name__)

KEEP_FOR = timedelta(days=7)
# A row still waiting or running this long after it was requested lost its task
# (broker flushed, worker killed past the redelivery window): a new request
# queues it again. Well above the task's time limit (300 s).
STALE_AFTER = timedelta(minutes=15)
TEMPLATE = "programme/pdf/agenda.html"


def _items(meeting: Meeting) -> list[AgendaItem]:
    # Uses the prefetch of selectors.meeting_with_agenda when there is one.
    return sorted(meeting.agenda_items.all(), key=lambda item: (item.position, item.pk))


def agenda_version(meeting: Meeting) -> str:
    """SHA-256 of everything the PDF shows, so a changed agenda gets a new export."""
    content = {
        "programme": meeting.programme.name,
        "title": meeting.title,
        "theme": meeting.theme,
        "audience": meeting.audience,
        "status": meeting.status,
        "starts_at": meeting.starts_at.isoformat(),
        "ends_at": meeting.ends_at.isoformat(),
        "place": meeting.place,
        "items": [
            {
                "position": item.position,
                "title": item.title,
                "kind": item.kind,
                "fixed_start": item.fixed_start.isoformat() if item.fixed_start else None,
                "duration": item.duration_minutes,
                "responsible": item.responsible,
                "description": item.description,
            }
            for item in _items(meeting)
        ],
    }
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def file_name(export: AgendaExport) -> str:
    """Deterministic: a retry writes to the same name instead of adding a file."""
    return f"exports/agenda/meeting-{export.meeting_id}-{export.version[:16]}.pdf"


def request_agenda_pdf(*, meeting: Meeting, user) -> AgendaExport:
    """The export of the meeting's current agenda; queues the task only when needed.

    Queues when the row is new, when it failed before, when it is done but its
    file is gone, or when it has waited so long that its task must be lost.
    The caller checks that `user` may see the meeting.
    """
    version = agenda_version(meeting)
    with transaction.atomic():
        # The row lock makes two simultaneous requests for a failed export
        # queue one task between them, not two.
        export, created = AgendaExport.objects.select_for_update().get_or_create(
            meeting=meeting, version=version, defaults={"requested_by": user}
        )
        queue = created or _needs_new_run(export)
        if queue and not created:
            export.status = AgendaExport.Status.PENDING
            export.progress = 0
            export.error = ""
            export.finished_at = None
            export.requested_by = user
            export.created_at = timezone.now()
            export.save(
                update_fields=[
                    "status",
                    "progress",
                    "error",
                    "finished_at",
                    "requested_by",
                    "created_at",
                ]
            )
        if queue:
            export_id = export.pk
            transaction.on_commit(lambda: _queue(export_id))
    return export


def _needs_new_run(export: AgendaExport) -> bool:
    if export.status == AgendaExport.Status.FAILED:
        return True
    if export.status == AgendaExport.Status.DONE:
        return not (export.file and default_storage.exists(export.file.name))
    return export.created_at < timezone.now() - STALE_AFTER


def _queue(export_id: int) -> None:
    from programme.tasks import export_agenda_pdf  # tasks imports this module

    try:
        export_agenda_pdf.delay(export_id)
    except Exception as error:
        # Broker down, or (eager mode) the build itself failed and already marked
        # the row. Either way the page shows "failed" and offers to try again.
        logger.exception("agenda export %s could not be run", export_id)
        AgendaExport.objects.filter(
            pk=export_id,
            status__in=[AgendaExport.Status.PENDING, AgendaExport.Status.RUNNING],
        ).update(status=AgendaExport.Status.FAILED, error=_short(error))


def _short(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def _progress(export_id: int, value: int) -> None:
    # Committed at once (outside any lock) so the status page can show it.
    AgendaExport.objects.filter(pk=export_id, status=AgendaExport.Status.RUNNING).update(
        progress=value
    )


def build_agenda_pdf(export_id: int) -> str:
    """Make the PDF of one export. Safe to run again: returns at once when done."""
    with transaction.atomic():
        export = AgendaExport.objects.select_for_update().filter(pk=export_id).first()
        if export is None:
            return "missing"  # the meeting was deleted meanwhile
        if export.status == AgendaExport.Status.DONE and export.file:
            return export.status
        export.status = AgendaExport.Status.RUNNING
        export.progress = 10
        export.error = ""
        export.save(update_fields=["status", "progress", "error"])
    try:
        content = _render(export)
        with transaction.atomic():
            export = AgendaExport.objects.select_for_update().get(pk=export_id)
            if export.status == AgendaExport.Status.DONE and export.file:
                return export.status  # a duplicate task finished first; keep its file
            name = file_name(export)
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(content))
            export.file.name = saved
            export.status = AgendaExport.Status.DONE
            export.progress = 100
            export.finished_at = timezone.now()
            export.save(update_fields=["file", "status", "progress", "finished_at"])
    except Exception as error:
        AgendaExport.objects.filter(pk=export_id).exclude(status=AgendaExport.Status.DONE).update(
            status=AgendaExport.Status.FAILED, error=_short(error)
        )
        raise
    return export.status


def _render(export: AgendaExport) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    meeting = selectors.meeting_with_agenda(export.meeting_id)
    # One file serves everyone, so it is made in the site's default language and
    # time zone, not in whatever the worker (or an eager request) has active.
    with (
        translation.override(settings.LANGUAGE_CODE),
        timezone.override(settings.TIME_ZONE),
    ):
        html = render_to_string(
            TEMPLATE,
            {
                "meeting": meeting,
                "schedule": selectors.schedule(meeting, _items(meeting)),
                "generated_at": timezone.localtime(),
            },
        )
    _progress(export.pk, 30)
    # No base_url and a fetcher that refuses everything: the PDF loads nothing
    # from outside (no network, no local files beyond the system fonts).
    document = HTML(string=html, url_fetcher=_refuse).render()
    _progress(export.pk, 80)
    return document.write_pdf()


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"external resource refused in PDF: {url}")


def purge_old_agenda_exports(*, now=None) -> int:
    """Delete exports (rows and files) requested more than 7 days ago. Not scheduled."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    removed = 0
    for export in AgendaExport.objects.filter(created_at__lt=cutoff).iterator():
        if export.file:
            default_storage.delete(export.file.name)
        export.delete()
        removed += 1
    return removed
