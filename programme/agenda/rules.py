"""Access to agenda items: through their meeting's permissions
(`programme.view_meeting` to read, `programme.manage_meeting` to change)."""

from typing import Any

from programme.meetings.rules import meeting_child_or_404
from programme.models import AgendaItem


def agenda_item_or_404(user: Any, pk: int, perm: str) -> AgendaItem:
    return meeting_child_or_404(AgendaItem.objects.all(), pk=pk, user=user, perm=perm)
