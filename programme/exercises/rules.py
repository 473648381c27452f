"""Access to the meeting exercises.

Seeing an exercise page is `programme.view_meeting`; moderating, merging,
publishing, closing and recording is `programme.manage_meeting`. Contributing is
for the meeting's participants only (a facilitator who is not enrolled moderates
but does not write entries of their own). Each exercise's `rules.py` has the
lookups of its meeting and its entries, built on the two helpers below.
"""

from typing import Any

import rules
from django.db.models import Model, QuerySet

from bifrost.core.access import object_or_404
from programme.meetings.rules import meeting_child_or_404, meetings_taken_part_in
from programme.models import Meeting

VIEW = "programme.view_meeting"
CONTRIBUTE = "programme.contribute_exercise"
MANAGE = "programme.manage_meeting"

rules.add_perm(CONTRIBUTE, meetings_taken_part_in.predicate)


def exercise_meeting_or_404(user: Any, pk: int, perm: str, *, numbers: tuple[int, ...]) -> Meeting:
    """The meeting if it runs the exercise (its number is in `numbers`) and `user` may
    do `perm` on it; else 404."""
    return object_or_404(
        Meeting.objects.select_related("programme").filter(number__in=numbers),
        pk=pk,
        user=user,
        perm=perm,
    )


def exercise_entry_or_404[M: Model](
    queryset: QuerySet[M], *, pk: int, user: Any, perm: str, numbers: tuple[int, ...]
) -> M:
    """An entry of an exercise whose meeting runs it and on which `user` may do `perm`."""
    return meeting_child_or_404(
        queryset.filter(meeting__number__in=numbers), pk=pk, user=user, perm=perm
    )


def exercise_flags(user: Any, meeting: Meeting) -> dict[str, Any]:
    """What every exercise page shows or hides."""
    return {
        "meeting": meeting,
        "can_manage": user.has_perm(MANAGE, meeting),
        "can_contribute": user.has_perm(CONTRIBUTE, meeting),
    }
