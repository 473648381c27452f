"""Writes for the evaluation (meeting 6): the questionnaire, and the principles and
tools the participants agreed on."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.exercises import notifications
from programme.exercises.evaluation.questionnaire import EVALUATION_QUESTIONS, SCALE
from programme.exercises.selectors import EVALUATION
from programme.exercises.services import exercise_state_for_update, require_exercise
from programme.models import EvaluationResponse, ExerciseState, Meeting, Principle


@transaction.atomic
def evaluation_submit(
    *, meeting: Meeting, respondent: Any, answers: dict[str, Any], free_text: str = ""
) -> EvaluationResponse:
    """Save a person's questionnaire. One response per person, which they can change
    until the facilitator closes the evaluation."""
    require_exercise(meeting, EVALUATION)
    state = exercise_state_for_update(meeting)
    if state.evaluation_closed_at is not None:
        raise ValidationError(_("The evaluation is closed; answers can no longer be changed."))
    keys = [key for key, _text in EVALUATION_QUESTIONS]
    cleaned = {}
    for key in keys:
        try:
            value: int | None = int(answers[key])
        except (KeyError, TypeError, ValueError):
            value = None
        if value not in SCALE:
            raise ValidationError({key: _("Choose a value from 1 to 5.")})
        cleaned[key] = value
    response, _created = EvaluationResponse.objects.update_or_create(
        meeting=meeting,
        respondent=respondent,
        defaults={"answers": cleaned, "free_text": (free_text or "").strip()},
    )
    return response


@transaction.atomic
def evaluation_close(*, meeting: Meeting, closed: bool) -> ExerciseState:
    require_exercise(meeting, EVALUATION)
    state = exercise_state_for_update(meeting)
    was_closed_at = state.evaluation_closed_at
    state.evaluation_closed_at = timezone.now() if closed else None
    state.save(update_fields=["evaluation_closed_at"])
    if not closed and was_closed_at is not None:
        notifications.evaluation_opened(meeting=meeting, closed_at=was_closed_at)
    return state


@transaction.atomic
def principle_add(
    *, meeting: Meeting, user: Any, kind: str, title: str, description: str
) -> Principle:
    """Record a principle or tool the participants agreed on."""
    require_exercise(meeting, EVALUATION)
    top = Principle.objects.filter(meeting=meeting).aggregate(top=Max("position"))["top"] or 0
    principle = Principle(
        meeting=meeting,
        kind=kind,
        title=(title or "").strip(),
        description=(description or "").strip(),
        position=top + 1,
        created_by=user,
    )
    principle.full_clean()
    principle.save()
    return principle


@transaction.atomic
def principle_delete(*, principle: Principle) -> None:
    principle.delete()
