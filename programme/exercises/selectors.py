"""Reads shared by the meeting exercises: which meeting runs which exercise, the
facilitator's switches, and the progress summary of the programme overview."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programme.meetings.selectors import meeting_participants
from programme.models import (
    Assumption,
    DilemmaChoice,
    EvaluationResponse,
    ExerciseState,
    Meeting,
    Programme,
    Recommendation,
    Scenario,
)

# Which meeting (by number) runs which exercise.
PREJUDICE_GAME = 1
DILEMMA_WORKSHOPS = (2, 4)
RECOMMENDATIONS = 5
EVALUATION = 6


def exercise_state(meeting: Meeting) -> ExerciseState:
    """The meeting's switches; an unsaved default row if the facilitator has not used any."""
    return ExerciseState.objects.filter(meeting=meeting).first() or ExerciseState(meeting=meeting)


# --- Progress for the facilitator's programme overview -------------------------------------


def _count(queryset: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _summary(meeting) -> str:
    if meeting.number == PREJUDICE_GAME:
        parts = [
            ngettext("%(n)d assumption", "%(n)d assumptions", meeting.n_assumptions)
            % {"n": meeting.n_assumptions},
            ngettext("%(n)d discussed", "%(n)d discussed", meeting.n_discussed)
            % {"n": meeting.n_discussed},
        ]
    elif meeting.number in DILEMMA_WORKSHOPS:
        parts = [
            ngettext("%(n)d dilemma chosen", "%(n)d dilemmas chosen", meeting.n_choices)
            % {"n": meeting.n_choices},
            ngettext("%(n)d scenario played", "%(n)d scenarios played", meeting.n_played)
            % {"n": meeting.n_played},
        ]
    elif meeting.number == RECOMMENDATIONS:
        parts = [
            ngettext("%(n)d recommendation", "%(n)d recommendations", meeting.n_recommendations)
            % {"n": meeting.n_recommendations},
            ngettext("%(n)d published", "%(n)d published", meeting.n_published)
            % {"n": meeting.n_published},
        ]
    else:
        total = meeting_participants(meeting).count()
        return _("%(answered)d of %(total)d answered") % {
            "answered": meeting.n_responses,
            "total": total,
        }
    return ", ".join(parts)


def exercise_progress(programme: Programme) -> dict[int, str]:
    """A short summary per meeting that has an exercise: {meeting id: text}.

    E.g. "12 assumptions, 5 discussed", "4 dilemmas chosen, 2 scenarios played",
    "9 recommendations, 5 published", "7 of 12 answered". Two queries at most.
    """
    meetings = list(
        programme.meetings.filter(
            number__in=(PREJUDICE_GAME, *DILEMMA_WORKSHOPS, RECOMMENDATIONS, EVALUATION)
        )
        .annotate(
            n_assumptions=_count(Assumption.objects.all()),
            n_discussed=_count(Assumption.objects.exclude(status=Assumption.Status.OPEN)),
            n_choices=_count(DilemmaChoice.objects.all()),
            n_played=_count(Scenario.objects.filter(played_at__isnull=False)),
            n_recommendations=_count(Recommendation.objects.filter(merged_into__isnull=True)),
            n_published=_count(
                Recommendation.objects.filter(merged_into__isnull=True, published_at__isnull=False)
            ),
            n_responses=_count(EvaluationResponse.objects.all()),
        )
        .order_by("number")
    )
    return {meeting.pk: _summary(meeting) for meeting in meetings}
