"""Lookups of the prejudice game: its meeting and its assumptions."""

from typing import Any

from programme.exercises.rules import exercise_entry_or_404, exercise_meeting_or_404
from programme.exercises.selectors import PREJUDICE_GAME
from programme.models import Assumption, Meeting


def prejudice_game_meeting_or_404(user: Any, pk: int, perm: str) -> Meeting:
    return exercise_meeting_or_404(user, pk, perm, numbers=(PREJUDICE_GAME,))


def assumption_or_404(user: Any, pk: int, perm: str) -> Assumption:
    return exercise_entry_or_404(
        Assumption.objects.all(), pk=pk, user=user, perm=perm, numbers=(PREJUDICE_GAME,)
    )
