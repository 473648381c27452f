"""The exercises' notifications. Both name the meeting only, never what anyone wrote.

- An exercise opens to the participants: the facilitator reveals the prejudice
  game's board or opens the evaluation again after closing it (exercises are
  otherwise open from the start, so these are the moments something becomes
  available).
- A recommendation's wording is changed by a facilitator: its author and the people
  who endorsed it are told, since they backed the earlier wording.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from programme.meetings.selectors import meeting_participants
from programme.models import Endorsement, Meeting, Recommendation, RecommendationRevision

EXERCISE_OPENED = "exercise_opened"
RECOMMENDATION_REWORDED = "recommendation_reworded"


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


def recommendation_reworded(
    *, recommendation: Recommendation, revision: RecommendationRevision, by
) -> None:
    """One notification per change of wording, to the author and the endorsers (not
    to the person who changed it)."""
    endorsers = Endorsement.objects.filter(recommendation=recommendation).select_related("user")
    link = reverse("programme:exercise_recommendations", args=[recommendation.meeting_id])
    notify(
        kind=RECOMMENDATION_REWORDED,
        recipients=[recommendation.author, *(endorsement.user for endorsement in endorsers)],
        exclude=[by],
        link=f"{link}#recommendation-{recommendation.pk}",
        cause=f"recommendation-reworded:{revision.pk}",
        title_template=_(
            "The wording of a recommendation you proposed or endorsed in %(meeting)s was changed"
        ),
        context={"meeting": recommendation.meeting.title},
    )
