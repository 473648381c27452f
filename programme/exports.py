"""The agenda of a meeting as a PDF, made by a Celery task (WeasyPrint, local fonts only).

One `AgendaExport` row per meeting and agenda version (a hash of what goes into
the PDF). Requesting, queueing and the idempotent build are `bifrost.core.exports.jobs`
(shared with the logbook export); the file name is derived from the meeting and
the version.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from bifrost.core.exports import jobs as pdf_jobs
from bifrost.core.pdf import refuse_url
from programme import selectors
from programme.models import AgendaExport, AgendaItem, Meeting

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
    return pdf_jobs.request(
        AgendaExport,
        lookup={"meeting": meeting, "version": agenda_version(meeting)},
        defaults={},
        user=user,
        queue_fn=_queue,
        stale_after=STALE_AFTER,
    )


def _queue(export_id: int) -> None:
    from programme.tasks import export_agenda_pdf  # tasks imports this module

    pdf_jobs.queue(AgendaExport, export_id, export_agenda_pdf, _short)


def _short(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


def _progress(export_id: int, value: int) -> None:
    pdf_jobs.set_progress(AgendaExport, export_id, value)


def build_agenda_pdf(export_id: int) -> str:
    """Make the PDF of one export. Safe to run again: returns at once when done."""
    return pdf_jobs.build(
        AgendaExport,
        export_id,
        render=_render,
        file_name=file_name,
        failure_message=_short,
        start_progress=10,
    )


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
    document = HTML(string=html, url_fetcher=refuse_url).render()
    _progress(export.pk, 80)
    return document.write_pdf()


def purge_old_agenda_exports(*, now=None) -> int:
    """Delete exports (rows and files) requested more than 7 days ago. Not scheduled."""
    return pdf_jobs.purge(AgendaExport, keep_for=KEEP_FOR, now=now)
