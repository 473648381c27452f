"""Reads for the PDF exports."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from programme.exports.agenda import agenda_version
from programme.meetings.selectors import meeting_with_agenda
from programme.models import AgendaExport


@dataclass(frozen=True)
class ShownStatus:
    """What a status page may show of an export: no technical error message."""

    status: str
    progress: int


def shown_status(export: AgendaExport) -> ShownStatus:
    return ShownStatus(status=export.status, progress=export.progress)


def agenda_pdf_outdated(export: AgendaExport) -> bool:
    """The meeting's agenda changed since this PDF was made."""
    return agenda_version(meeting_with_agenda(export.meeting_id)) != export.version


def describe_agenda_export(export: AgendaExport) -> tuple[str, str]:
    """What a failed agenda PDF is and where to ask for it again (its meeting's page)."""
    label = _("Agenda PDF of “%(meeting)s”") % {"meeting": export.meeting.title}
    return label, reverse("programme:meeting", args=[export.meeting_id])
