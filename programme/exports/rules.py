"""Access to exports: an agenda PDF is for the people who may see its meeting."""

from typing import Any

from programme.meetings.rules import meeting_child_or_404
from programme.models import AgendaExport


def agenda_export_or_404(user: Any, pk: int, perm: str) -> AgendaExport:
    return meeting_child_or_404(AgendaExport.objects.all(), pk=pk, user=user, perm=perm)
