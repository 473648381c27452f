"""Lookups of the recommendations workshop: its meeting and its recommendations."""

from typing import Any

from programme.exercises.rules import exercise_entry_or_404, exercise_meeting_or_404
from programme.exercises.selectors import RECOMMENDATIONS
from programme.models import Meeting, Recommendation


def recommendations_meeting_or_404(user: Any, pk: int, perm: str) -> Meeting:
    return exercise_meeting_or_404(user, pk, perm, numbers=(RECOMMENDATIONS,))


def recommendation_or_404(user: Any, pk: int, perm: str) -> Recommendation:
    return exercise_entry_or_404(
        Recommendation.objects.all(), pk=pk, user=user, perm=perm, numbers=(RECOMMENDATIONS,)
    )
