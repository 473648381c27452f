"""The agenda of a meeting as a PDF: an export kind (`bifrost.core.exports.kinds`).

One `AgendaExport` row per meeting and agenda version (a hash of what goes into
the PDF). Requesting, queueing, the idempotent build and the purge after
`KEEP_FOR` are the core's (`AGENDA_PDF` below, registered at startup by
`programme.apps`); this module says what the PDF holds and what its file is called.
"""

import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from bifrost.core.exports.kinds import ExportKind, register
from bifrost.core.pdf import refuse_url
from programme.agenda.selectors import schedule
from programme.meetings.selectors import meeting_with_agenda
from programme.models import AgendaExport, AgendaItem, Meeting

KEEP_FOR = timedelta(days=7)
# A row still waiting or running this long after it was requested lost its task
# (broker flushed, worker killed past the redelivery window): a new request
# queues it again. Well above the task's time limit (300 s).
STALE_AFTER = timedelta(minutes=15)
TEMPLATE = "programme/exports/agenda_pdf.html"
TASK = "programme.export_agenda_pdf"


def _items(meeting: Meeting) -> list[AgendaItem]:
    # Uses the prefetch of `meeting_with_agenda` when there is one.
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


def agenda_html(meeting: Meeting) -> str:
    """The PDF's HTML. One file serves everyone, so it is made in the site's default
    language and time zone, not in whatever the worker (or an eager request) has active."""
    with (
        translation.override(settings.LANGUAGE_CODE),
        timezone.override(settings.TIME_ZONE),
    ):
        return render_to_string(
            TEMPLATE,
            {
                "meeting": meeting,
                "schedule": schedule(meeting, _items(meeting)),
                "generated_at": timezone.localtime(),
            },
        )


def _render(export: AgendaExport) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    html = agenda_html(meeting_with_agenda(export.meeting_id))
    AGENDA_PDF.set_progress(export.pk, 30)
    # No base_url and a fetcher that refuses everything: the PDF loads nothing
    # from outside (no network, no local files beyond the system fonts).
    document = HTML(string=html, url_fetcher=refuse_url).render()
    AGENDA_PDF.set_progress(export.pk, 80)
    return document.write_pdf()


def _failure_message(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:300]


AGENDA_PDF = register(
    ExportKind(
        name="programme.agenda",
        model=AgendaExport,
        task=TASK,
        render=_render,
        file_name=file_name,
        keep_for=KEEP_FOR,
        stale_after=STALE_AFTER,
        failure_message=_failure_message,
        start_progress=10,
    )
)
