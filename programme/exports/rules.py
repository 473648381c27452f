"""Access to exports: an agenda PDF is for the people who may see its meeting."""

from typing import Any

from django.db.models import QuerySet

from programme.meetings.rules import meeting_child_or_404, meetings_visible
from programme.models import AgendaExport, Meeting


def agenda_export_or_404(user: Any, pk: int, perm: str) -> AgendaExport:
    return meeting_child_or_404(AgendaExport.objects.all(), pk=pk, user=user, perm=perm)


def agenda_exports_visible(user: Any) -> QuerySet[AgendaExport]:
    """The agenda PDFs of the meetings `user` may see (the export's status page asks
    the same: `programme.view_meeting` on its meeting)."""
    return AgendaExport.objects.filter(meeting__in=meetings_visible(user, Meeting.objects.all()))
