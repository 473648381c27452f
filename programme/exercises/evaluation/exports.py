"""The evaluation's results as a table (Danish CSV and XLSX through the core's table
export): per group (everyone, then companies and advisors when the split is shown) and
question, how many answered, the average and the count of each answer. Only numbers:
no names and no free text."""

from collections.abc import Iterator

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bifrost.core import spreadsheets
from bifrost.core.slugs import ascii_slug
from programme.exercises.evaluation import selectors
from programme.exercises.evaluation.questionnaire import SCALE, SCALE_LABELS
from programme.models import Meeting

COLUMNS = [
    _("Group"),
    _("Participants"),
    _("Responded"),
    _("Question"),
    _("Answers"),
    _("Average"),
    *(format_lazy("{} – {}", value, SCALE_LABELS[value]) for value in SCALE),
]


def _rows(meeting: Meeting) -> Iterator[list]:
    summary = selectors.evaluation_summary(meeting)
    everyone = (
        selectors.EVERYONE_LABEL,
        summary["participants"],
        summary["responded"],
        summary["questions"],
    )
    groups = [
        (group.label, group.participants, group.responded, group.questions)
        for group in summary["groups"]
    ]
    for label, participants, responded, questions in [everyone, *groups]:
        for question in questions:
            yield [
                str(label),
                participants,
                responded,
                question.text,
                question.answered,
                question.average,
                *(count for _value, _label, count, _share in question.counts),
            ]


def evaluation_table(meeting: Meeting) -> spreadsheets.Table:
    slug = ascii_slug(meeting.programme.name, fallback="programme")
    return spreadsheets.Table(
        columns=COLUMNS,
        rows=lambda: _rows(meeting),
        sheet_title=_("Evaluation"),
        filename=f"evaluation-{slug}-{timezone.localdate().isoformat()}",
    )
