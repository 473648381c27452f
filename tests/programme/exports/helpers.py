"""Helpers of the export tests: the meeting as the views load it, an export made."""

from pathlib import Path

from django.conf import settings

from programme.exports import services
from programme.meetings.selectors import meeting_with_agenda
from programme.models import AgendaExport

HTMX = {"HTTP_HX_REQUEST": "true"}


def fresh(meeting):
    """The meeting as the views load it (agenda prefetched)."""
    return meeting_with_agenda(meeting.pk)


def files_for(export: AgendaExport) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "exports" / "agenda"
    prefix = f"meeting-{export.meeting_id}-{export.version[:16]}"
    return sorted(folder.glob(f"{prefix}*")) if folder.exists() else []


def made(meeting, user, capture) -> AgendaExport:
    """Request the PDF and run the queued task (eager) as the commit would."""
    with capture(execute=True):
        export = services.agenda_pdf_request(meeting=fresh(meeting), user=user)
    export.refresh_from_db()
    return export
