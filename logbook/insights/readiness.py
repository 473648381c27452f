"""Retention readiness (fastholdelsesparathed): six statements the company rates 1–5.

Retention is measured in time; readiness in potentials: how ready the
workplace (and its people) are to keep someone at work. The company rates the
six statements below from 1 (not at all) to 5 (fully) every four to six weeks,
and the history shows how it moves.

``STATEMENTS`` is shared with the PDF export; keys are stored in
``ReadinessCheck.scores`` and must never change.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

STATEMENTS: list[tuple[str, str]] = [
    ("engagement", _("We show a visible, positive engagement in keeping people at work")),
    ("expectations", _("We believe the expectations on both sides can be met")),
    ("realism", _("We have a realistic picture of what is possible and where the limits are")),
    ("options", _("We know which options and kinds of support exist")),
    ("considerations", _("We understand which considerations and adjustments are needed")),
    ("acceptance", _("We accept those considerations and are willing to make them")),
]
STATEMENT_KEYS: tuple[str, ...] = tuple(key for key, _label in STATEMENTS)
SHORT_LABELS: dict[str, str] = {
    "engagement": _("Engagement"),
    "expectations": _("Expectations can be met"),
    "realism": _("Realistic view"),
    "options": _("Knowledge of options"),
    "considerations": _("Understanding considerations"),
    "acceptance": _("Acceptance and willingness"),
}
MIN_SCORE = 1
MAX_SCORE = 5
# Take the check every four to six weeks; the page suggests the earliest good day.
INTERVAL_MIN = datetime.timedelta(weeks=4)
INTERVAL_MAX = datetime.timedelta(weeks=6)


def label(key: str) -> str:
    return str(dict(STATEMENTS).get(key, key))


def average(scores: dict) -> float | None:
    """The mean of the known statement scores, or None when there are none."""
    values = [
        scores[key]
        for key in STATEMENT_KEYS
        if isinstance(scores.get(key), int) and not isinstance(scores.get(key), bool)
    ]
    if not values:
        return None
    return round(sum(values) / len(values), 2)


@dataclass(frozen=True)
class Schedule:
    last_taken: datetime.date | None
    next_from: datetime.date  # the earliest suggested day for the next check
    next_by: datetime.date  # the latest suggested day
    due: bool  # today is past next_from (or nothing was taken yet)
    overdue: bool  # today is past next_by


def schedule(last_taken: datetime.date | None, today: datetime.date) -> Schedule:
    """When the next check is suggested, given the last one (4–6 weeks after it)."""
    if last_taken is None:
        return Schedule(None, today, today, due=True, overdue=False)
    next_from, next_by = last_taken + INTERVAL_MIN, last_taken + INTERVAL_MAX
    return Schedule(last_taken, next_from, next_by, due=today >= next_from, overdue=today > next_by)
