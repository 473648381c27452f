"""Lookups of the evaluation: its meeting and the agreed principles and tools."""

from typing import Any

from programme.exercises.rules import exercise_entry_or_404, exercise_meeting_or_404
from programme.exercises.selectors import EVALUATION
from programme.models import Meeting, Principle


def evaluation_meeting_or_404(user: Any, pk: int, perm: str) -> Meeting:
    return exercise_meeting_or_404(user, pk, perm, numbers=(EVALUATION,))


def principle_or_404(user: Any, pk: int, perm: str) -> Principle:
    return exercise_entry_or_404(
        Principle.objects.all(), pk=pk, user=user, perm=perm, numbers=(EVALUATION,)
    )
