"""Reads for the evaluation (meeting 6): a person's answers, the summary of all
answers (for everyone, and split into companies and advisors), and the agreed
principles and tools."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from bifrost.accounts.models import Membership, Role
from knowledge.rendering import render_markdown
from programme.exercises.evaluation.questionnaire import EVALUATION_QUESTIONS, SCALE, SCALE_LABELS
from programme.meetings.selectors import meeting_participants
from programme.models import EvaluationResponse, Meeting, Principle


def evaluation_response(meeting: Meeting, user: Any) -> EvaluationResponse | None:
    return EvaluationResponse.objects.filter(meeting=meeting, respondent=user).first()


@dataclass
class QuestionSummary:
    key: str
    text: str
    answered: int
    average: Decimal | None
    # (value, label, count, share of this question's answers in percent)
    counts: list[tuple[int, str, int, int]] = field(default_factory=list)


#: The groups the results are split into, by the respondent's role in the programme
#: (a member of an enrolled company or of an enrolled advisory unit).
COMPANIES = "companies"
ADVISORS = "advisors"
GROUPS: tuple[tuple[str, StrOrPromise], ...] = (
    (COMPANIES, gettext_lazy("Companies")),
    (ADVISORS, gettext_lazy("Advisors")),
)
EVERYONE_LABEL = gettext_lazy("Everyone")
#: A group is shown apart only when every group that answered has at least this many
#: answers: otherwise a single advisor's answers could be read off the split (or off
#: "everyone" minus the other group).
MIN_GROUP_ANSWERS = 3


@dataclass
class GroupSummary:
    key: str
    label: StrOrPromise
    responded: int
    participants: int
    questions: list[QuestionSummary]

    @property
    def percent(self) -> int | None:
        return round(100 * self.responded / self.participants) if self.participants else None


def _summaries(all_answers: list[dict]) -> list[QuestionSummary]:
    questions = []
    for key, text in EVALUATION_QUESTIONS:
        values = [
            answers[key]
            for answers in all_answers
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
    return questions


def respondent_groups(meeting: Meeting, user_ids: set[int]) -> dict[int, str]:
    """user id → COMPANIES or ADVISORS, by the role they hold in an organisation
    enrolled in the meeting's programme (a company's people first). One query."""
    rows = Membership.objects.filter(
        user_id__in=user_ids,
        organisation__enrolments__programme_id=meeting.programme_id,
        role__in=(Role.SMV_OWNER, Role.ADVISOR),
    ).values_list("user_id", "role")
    groups: dict[int, str] = {}
    for user_id, role in rows:
        if role == Role.SMV_OWNER:
            groups[user_id] = COMPANIES
        else:
            groups.setdefault(user_id, ADVISORS)
    return groups


def evaluation_summary(meeting: Meeting) -> dict:
    """Counts per answer and the average per question, for everyone and split into
    companies and advisors; the free-text answers (without names) and how many of the
    participants have answered. Three queries."""
    responses = list(
        EvaluationResponse.objects.filter(meeting=meeting)
        .order_by("submitted_at", "pk")
        .values_list("respondent_id", "answers", "free_text")
    )
    participants = set(meeting_participants(meeting).values_list("pk", flat=True))
    respondents = {respondent for respondent, _answers, _free in responses}
    groups_of = respondent_groups(meeting, participants | respondents)
    groups = []
    for key, label in GROUPS:
        answers = [a for respondent, a, _free in responses if groups_of.get(respondent) == key]
        groups.append(
            GroupSummary(
                key=key,
                label=label,
                responded=len(answers),
                participants=sum(1 for user in participants if groups_of.get(user) == key),
                questions=_summaries(answers),
            )
        )
    split_shown = all(
        group.responded == 0 or group.responded >= MIN_GROUP_ANSWERS for group in groups
    ) and any(group.responded for group in groups)
    questions = _summaries([answers for _respondent, answers, _free in responses])
    shown = groups if split_shown else []
    return {
        "questions": questions,
        # Per question: everyone's summary, then (group key, summary) of each shown group.
        "by_group": [
            (question, [(group.key, group.questions[index]) for group in shown])
            for index, question in enumerate(questions)
        ],
        "free_texts": [text for _respondent, _answers, text in responses if text.strip()],
        "responded": len(responses),
        "participants": len(participants),
        "groups": shown,
        "split_withheld": not split_shown and bool(responses),
        "min_group_answers": MIN_GROUP_ANSWERS,
    }


def principles_of(meeting: Meeting) -> list[tuple[StrOrPromise, list[tuple[Principle, str]]]]:
    """The agreed principles and tools, grouped by kind (empty kinds left out), each with
    its rendered (sanitised) description. One query."""
    items = list(Principle.objects.filter(meeting=meeting).order_by("kind", "position", "pk"))
    groups = [
        (label, [(p, render_markdown(p.description)) for p in items if p.kind == kind])
        for kind, label in Principle.Kind.choices
    ]
    return [(label, rows) for label, rows in groups if rows]
