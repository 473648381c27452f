"""Who may choose dilemmas, and the lookups of the workshop's meeting and plays."""

from typing import Any

import rules

from bifrost.accounts.rules import is_smv_owner
from programme.exercises.rules import exercise_entry_or_404, exercise_meeting_or_404
from programme.exercises.selectors import DILEMMA_WORKSHOPS
from programme.meetings.rules import meetings_represented, meetings_taken_part_in
from programme.models import Meeting, Scenario

# Each company picks and concretises its own dilemmas: its SMV owners do it.
rules.add_perm(
    "programme.choose_dilemma",
    meetings_taken_part_in.predicate & is_smv_owner & meetings_represented.predicate,
)


def dilemma_workshop_meeting_or_404(user: Any, pk: int, perm: str) -> Meeting:
    return exercise_meeting_or_404(user, pk, perm, numbers=DILEMMA_WORKSHOPS)


def scenario_or_404(user: Any, pk: int, perm: str) -> Scenario:
    return exercise_entry_or_404(
        Scenario.objects.all(), pk=pk, user=user, perm=perm, numbers=DILEMMA_WORKSHOPS
    )
