"""Reads for the meeting exercises: a fixed number of queries each, whatever the data size.

Meeting 1 — prejudice game; 2 and 4 — dilemma workshop; 5 — recommendations;
6 — evaluation with the agreed principles and tools. Writes are in
programme/exercise_services.py.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bifrost.accounts.models import Membership, Organisation
from knowledge.rendering import render_markdown
from programme import selectors
from programme.models import (
    Assumption,
    Dilemma,
    DilemmaChoice,
    Endorsement,
    EvaluationResponse,
    ExerciseState,
    Meeting,
    Principle,
    Programme,
    Recommendation,
    RecommendationComment,
    Scenario,
)

# Which meeting (by number) runs which exercise.
PREJUDICE_GAME = 1
DILEMMA_WORKSHOPS = (2, 4)
RECOMMENDATIONS = 5
EVALUATION = 6

SCALE = (1, 2, 3, 4, 5)
SCALE_LABELS = {
    1: gettext_lazy("Strongly disagree"),
    2: gettext_lazy("Disagree"),
    3: gettext_lazy("Neither agree nor disagree"),
    4: gettext_lazy("Agree"),
    5: gettext_lazy("Strongly agree"),
}
# The closing questionnaire: (key, statement). The key is stored in the answers;
# never rename a key once a programme has used it.
EVALUATION_QUESTIONS = (
    ("useful", gettext_lazy("The programme has been useful for my daily work.")),
    (
        "collaboration",
        gettext_lazy("The collaboration between the companies and the advisors worked well."),
    ),
    (
        "retention",
        gettext_lazy(
            "I am better able to help employees with mental-health challenges stay at work."
        ),
    ),
    ("tools", gettext_lazy("I leave with tools and methods I will keep using.")),
    ("meetings", gettext_lazy("The development meetings were well prepared and well run.")),
)


# --- Shared ---------------------------------------------------------------------


def exercise_state(meeting: Meeting) -> ExerciseState:
    """The meeting's switches; an unsaved default row if the facilitator has not used any."""
    return ExerciseState.objects.filter(meeting=meeting).first() or ExerciseState(meeting=meeting)


def participant_sides(user, programme: Programme) -> list[str]:
    """Which side(s) of the prejudice game a person writes from: a member of an enrolled
    company writes as an SMV, a member of an enrolled advisory unit as an advisor."""
    kinds = set(
        Membership.objects.filter(
            user=user,
            organisation__enrolments__programme=programme,
            organisation__enrolments__left_at__isnull=True,
        ).values_list("organisation__kind", flat=True)
    )
    sides = []
    if Organisation.Kind.COMPANY in kinds:
        sides.append(Assumption.Side.SMVS)
    if Organisation.Kind.ADVISORY_UNIT in kinds:
        sides.append(Assumption.Side.ADVISORS)
    return sides


def user_enrolled_companies(user, programme: Programme) -> list[Organisation]:
    """The enrolled companies a person represents (as SMV owner) in the programme."""
    return list(selectors.companies_in(programme).filter(pk__in=selectors.user_company_ids(user)))


# --- Meeting 1: prejudice game -------------------------------------------------------


@dataclass(frozen=True)
class AssumptionRow:
    """What a page may show of an assumption. It carries no author object, so a
    template cannot leak who wrote an anonymous one."""

    pk: int
    side: str
    text: str
    status: str
    status_label: str
    note: str
    anonymous: bool
    author_label: str


def _assumption_row(assumption: Assumption) -> AssumptionRow:
    if assumption.anonymous or assumption.author is None:
        label = _("Anonymous")
    else:
        label = assumption.author.full_name or _("A participant")
    return AssumptionRow(
        pk=assumption.pk,
        side=assumption.side,
        text=assumption.text,
        status=assumption.status,
        status_label=assumption.get_status_display(),
        note=assumption.note,
        anonymous=assumption.anonymous,
        author_label=label,
    )


def assumptions_grouped(meeting: Meeting) -> list[tuple[str, str, list[AssumptionRow]]]:
    """All assumptions, grouped by side: [(side, heading, rows)]. One query."""
    rows = [
        _assumption_row(a)
        for a in Assumption.objects.filter(meeting=meeting)
        .select_related("author")
        .order_by("side", "created_at", "pk")
    ]
    return [
        (side, label, [row for row in rows if row.side == side])
        for side, label in Assumption.Side.choices
    ]


def own_assumptions(meeting: Meeting, user) -> list[AssumptionRow]:
    return [
        _assumption_row(a)
        for a in Assumption.objects.filter(meeting=meeting, author=user)
        .select_related("author")
        .order_by("created_at", "pk")
    ]


# --- Meetings 2 and 4: dilemma workshop -----------------------------------------------


def dilemma_catalogue() -> list[Dilemma]:
    return list(Dilemma.objects.order_by("position", "pk"))


def dilemma_choices(programme: Programme) -> list[DilemmaChoice]:
    """Every company's chosen dilemmas in the programme's workshops, with their plays.
    Two queries."""
    return list(
        DilemmaChoice.objects.filter(meeting__programme=programme)
        .select_related("company", "dilemma", "meeting")
        .prefetch_related(
            Prefetch(
                "scenarios",
                queryset=Scenario.objects.select_related("meeting").order_by("pk"),
            )
        )
        .order_by("meeting__number", "company__name", "dilemma__position", "pk")
    )


# --- Meeting 5: recommendations --------------------------------------------------------


def recommendations_board(meeting: Meeting, user) -> list[Recommendation]:
    """The open (not merged) recommendations, most endorsed first, each annotated with
    `endorsement_count` and `endorsed_by_me`, with comments and merged duplicates.
    Three queries."""
    return list(
        Recommendation.objects.filter(meeting=meeting, merged_into__isnull=True)
        .select_related("author")
        .annotate(
            endorsement_count=Count("endorsements", distinct=True),
            endorsed_by_me=Exists(
                Endorsement.objects.filter(
                    recommendation=OuterRef("pk"), user_id=getattr(user, "pk", None)
                )
            ),
        )
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=RecommendationComment.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch("merged", queryset=Recommendation.objects.order_by("created_at", "pk")),
        )
        .order_by("-endorsement_count", "created_at", "pk")
    )


def published_recommendations(meeting: Meeting) -> list[Recommendation]:
    """The final, published set, most endorsed first. One query."""
    return list(
        Recommendation.objects.filter(
            meeting=meeting, merged_into__isnull=True, published_at__isnull=False
        )
        .annotate(endorsement_count=Count("endorsements"))
        .order_by("-endorsement_count", "created_at", "pk")
    )


def recommendations_pdf(*, request, meeting: Meeting, recommendations: list) -> bytes:
    """The published set as a PDF (WeasyPrint, local fonts, nothing fetched from outside)."""
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    html = render_to_string(
        "programme/exercises/recommendations_pdf.html",
        {"meeting": meeting, "recommendations": recommendations},
        request=request,
    )
    return HTML(string=html, url_fetcher=_refuse).write_pdf()


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"external resource refused in PDF: {url}")


# --- Meeting 6: evaluation, principles and tools -----------------------------------------


def evaluation_response(meeting: Meeting, user) -> EvaluationResponse | None:
    return EvaluationResponse.objects.filter(meeting=meeting, respondent=user).first()


@dataclass
class QuestionSummary:
    key: str
    text: str
    answered: int
    average: Decimal | None
    # (value, label, count, share of this question's answers in percent)
    counts: list[tuple[int, str, int, int]] = field(default_factory=list)


def evaluation_summary(meeting: Meeting) -> dict:
    """Counts per answer and the average per question, the free-text answers (without
    names) and how many of the participants have answered. Two queries."""
    responses = list(
        EvaluationResponse.objects.filter(meeting=meeting)
        .order_by("submitted_at", "pk")
        .values_list("answers", "free_text")
    )
    questions = []
    for key, text in EVALUATION_QUESTIONS:
        values = [
            answers[key]
            for answers, _free in responses
            if isinstance(answers.get(key), int) and answers[key] in SCALE
        ]
        tally = {value: values.count(value) for value in SCALE}
        average = (
            (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            if values
            else None
        )
        questions.append(
            QuestionSummary(
                key=key,
                text=str(text),
                answered=len(values),
                average=average,
                counts=[
                    (
                        value,
                        str(SCALE_LABELS[value]),
                        tally[value],
                        round(100 * tally[value] / len(values)) if values else 0,
                    )
                    for value in SCALE
                ],
            )
        )
    return {
        "questions": questions,
        "free_texts": [text for _answers, text in responses if text.strip()],
        "responded": len(responses),
        "participants": selectors.meeting_participants(meeting).count(),
    }


def principles_of(meeting: Meeting) -> list[tuple[str, list[tuple[Principle, str]]]]:
    """The agreed principles and tools, grouped by kind (empty kinds left out), each with
    its rendered (sanitised) description. One query."""
    items = list(Principle.objects.filter(meeting=meeting).order_by("kind", "position", "pk"))
    groups = [
        (label, [(p, render_markdown(p.description)) for p in items if p.kind == kind])
        for kind, label in Principle.Kind.choices
    ]
    return [(label, rows) for label, rows in groups if rows]


# --- Progress for the facilitator's programme overview -------------------------------------


def _count(queryset) -> Coalesce:
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
    progress = {}
    for meeting in meetings:
        if meeting.number == PREJUDICE_GAME:
            progress[meeting.pk] = ", ".join(
                [
                    ngettext("%(n)d assumption", "%(n)d assumptions", meeting.n_assumptions)
                    % {"n": meeting.n_assumptions},
                    ngettext("%(n)d discussed", "%(n)d discussed", meeting.n_discussed)
                    % {"n": meeting.n_discussed},
                ]
            )
        elif meeting.number in DILEMMA_WORKSHOPS:
            progress[meeting.pk] = ", ".join(
                [
                    ngettext("%(n)d dilemma chosen", "%(n)d dilemmas chosen", meeting.n_choices)
                    % {"n": meeting.n_choices},
                    ngettext("%(n)d scenario played", "%(n)d scenarios played", meeting.n_played)
                    % {"n": meeting.n_played},
                ]
            )
        elif meeting.number == RECOMMENDATIONS:
            progress[meeting.pk] = ", ".join(
                [
                    ngettext(
                        "%(n)d recommendation", "%(n)d recommendations", meeting.n_recommendations
                    )
                    % {"n": meeting.n_recommendations},
                    ngettext("%(n)d published", "%(n)d published", meeting.n_published)
                    % {"n": meeting.n_published},
                ]
            )
        else:
            total = selectors.meeting_participants(meeting).count()
            progress[meeting.pk] = _("%(answered)d of %(total)d answered") % {
                "answered": meeting.n_responses,
                "total": total,
            }
    return progress
