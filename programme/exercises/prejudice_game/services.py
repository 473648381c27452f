"""Writes for the prejudice game (meeting 1): assumptions about the other side,
reviewed by the facilitator after the discussion."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.exercises import notifications
from programme.exercises.prejudice_game.selectors import participant_sides
from programme.exercises.selectors import PREJUDICE_GAME
from programme.exercises.services import clean_text, exercise_state_for_update, require_exercise
from programme.models import Assumption, ExerciseState, Meeting


@transaction.atomic
def assumption_add(
    *, meeting: Meeting, author: Any, side: str, text: str, anonymous: bool
) -> Assumption:
    """A participant writes down an assumption about the other side."""
    require_exercise(meeting, PREJUDICE_GAME)
    if side not in participant_sides(author, meeting.programme):
        raise ValidationError({"side": _("You can only write from your own side.")})
    assumption = Assumption(
        meeting=meeting,
        author=author,
        side=side,
        text=clean_text(text, field="text"),
        anonymous=anonymous,
    )
    assumption.full_clean()
    assumption.save()
    return assumption


@transaction.atomic
def assumption_review(*, assumption: Assumption, status: str, note: str) -> Assumption:
    """The facilitator records whether the assumption held after the discussion."""
    assumption.status = status
    assumption.note = (note or "").strip()
    assumption.full_clean()
    assumption.save(update_fields=["status", "note"])
    return assumption


@transaction.atomic
def assumption_remove(*, assumption: Assumption) -> None:
    """Moderation: the facilitator takes an unsuitable entry off the board."""
    assumption.delete()


@transaction.atomic
def assumptions_reveal(*, meeting: Meeting, revealed: bool) -> ExerciseState:
    """Show every participant the full, grouped board (or hide it again)."""
    require_exercise(meeting, PREJUDICE_GAME)
    state = exercise_state_for_update(meeting)
    state.assumptions_revealed_at = timezone.now() if revealed else None
    state.save(update_fields=["assumptions_revealed_at"])
    if revealed:
        notifications.board_revealed(meeting=meeting)
    return state
