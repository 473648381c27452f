"""The exercises' notification: an exercise opens to the participants. Called by the
exercise services when the facilitator reveals the prejudice game's board or opens
the evaluation again after closing it (exercises are otherwise open from the start,
so these are the moments something becomes available). Names the meeting only."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from programme.meetings.selectors import meeting_participants
from programme.models import Meeting

EXERCISE_OPENED = "exercise_opened"


def board_revealed(*, meeting: Meeting) -> None:
    notify(
        kind=EXERCISE_OPENED,
        recipients=meeting_participants(meeting),
        link=reverse("programme:exercise_assumptions", args=[meeting.pk]),
        cause=f"board-revealed:{meeting.pk}",
        title_template=_("The assumptions of %(meeting)s are revealed: see the whole board"),
        context={"meeting": meeting.title},
    )


def evaluation_opened(*, meeting: Meeting, closed_at) -> None:
    """`closed_at`: when it had been closed (one notification per reopening)."""
    notify(
        kind=EXERCISE_OPENED,
        recipients=meeting_participants(meeting),
        link=reverse("programme:exercise_evaluation", args=[meeting.pk]),
        cause=f"evaluation-opened:{meeting.pk}:{closed_at:%Y%m%dT%H%M%S.%f}",
        title_template=_("The evaluation of %(meeting)s is open for your answers"),
        context={"meeting": meeting.title},
    )
