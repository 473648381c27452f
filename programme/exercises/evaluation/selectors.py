"""Reads for the evaluation (meeting 6): a person's answers, the summary of all
answers, and the agreed principles and tools."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django_stubs_ext import StrOrPromise

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
        "participants": meeting_participants(meeting).count(),
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
