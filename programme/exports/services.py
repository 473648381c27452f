"""Writes for the PDF exports: ask for an agenda PDF, build one (from the task)."""

from typing import Any, cast

from programme.exports.agenda import AGENDA_PDF, agenda_version
from programme.models import AgendaExport, Meeting


def agenda_pdf_request(*, meeting: Meeting, user: Any) -> AgendaExport:
    """The export of the meeting's current agenda; queues the task only when needed.

    Queues when the row is new, when it failed before, when it is done but its
    file is gone or about to be purged, or when it has waited so long that its
    task must be lost. The caller checks that `user` may see the meeting (loaded
    with its agenda: `programme.meetings.selectors.meeting_with_agenda`).
    """
    export = AGENDA_PDF.request(
        lookup={"meeting": meeting, "version": agenda_version(meeting)}, user=user
    )
    return cast(AgendaExport, export)


def agenda_pdf_build(*, export_id: int) -> str:
    """Make the PDF of one export. Safe to run again: returns at once when done."""
    return AGENDA_PDF.build(export_id)
