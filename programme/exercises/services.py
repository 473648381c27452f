"""Workflow checks shared by the exercise services (each exercise's `services.py`).

Who may call what is checked in the views with django-rules; the services check
the workflow: the right meeting, an open form, some text.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from programme.models import ExerciseState, Meeting


def require_exercise(meeting: Meeting, *numbers: int) -> None:
    """The meeting runs this exercise (its number is one of `numbers`)."""
    if meeting.number not in numbers:
        raise ValidationError(_("This exercise does not belong to this meeting."))


def exercise_state_for_update(meeting: Meeting) -> ExerciseState:
    """The meeting's switches, made on first use and locked until the commit."""
    ExerciseState.objects.get_or_create(meeting=meeting)
    return ExerciseState.objects.select_for_update().get(meeting=meeting)


def clean_text(text: str, *, field: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("Write something first.")})
    return text
