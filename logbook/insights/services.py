"""Writes for readiness checks, critical situations and change logics.

Each function checks its input itself (``full_clean`` plus the rules below) and
raises ``ValidationError`` with field names, so the views can put the errors
on the form the person filled in and never 500. Permission checks are the
views' (``logbook.write_logbook``).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from logbook.insights import readiness
from logbook.models import ChangeLogic, CriticalSituation, Entry, Logbook, ReadinessCheck

# Dates may be a little in the future (another time zone, a meeting tomorrow), not more.
FUTURE_SLACK = datetime.timedelta(days=1)


def _check_date(value, field: str) -> None:
    if value is None:
        raise ValidationError({field: _("Enter a date.")})
    if value > timezone.localdate() + FUTURE_SLACK:
        raise ValidationError({field: _("The date cannot be in the future.")})


@transaction.atomic
def readiness_check_create(
    *, logbook: Logbook, by, taken_on: datetime.date, scores: dict, note: str = ""
) -> ReadinessCheck:
    """Record one readiness check: each of the six statements scored 1–5."""
    _check_date(taken_on, "taken_on")
    errors = {}
    clean_scores = {}
    for key, label in readiness.STATEMENTS:
        value = scores.get(key) if isinstance(scores, dict) else None
        if isinstance(value, bool) or not isinstance(value, int):
            errors[key] = _("Choose a score from 1 to 5 for “%(statement)s”.") % {
                "statement": label
            }
        elif not readiness.MIN_SCORE <= value <= readiness.MAX_SCORE:
            errors[key] = _("The score for “%(statement)s” must be between 1 and 5.") % {
                "statement": label
            }
        else:
            clean_scores[key] = value
    unknown = set(scores or {}) - set(readiness.STATEMENT_KEYS)
    if unknown:
        errors["scores"] = _("Unknown statements: %(keys)s.") % {"keys": ", ".join(sorted(unknown))}
    if errors:
        raise ValidationError(errors)
    check = ReadinessCheck(
        logbook=logbook, taken_on=taken_on, scores=clean_scores, note=note or "", created_by=by
    )
    check.full_clean()
    check.save()
    return check


def _check_situation(occurred_on: datetime.date, what_happened: str) -> None:
    _check_date(occurred_on, "occurred_on")
    if not (what_happened or "").strip():
        raise ValidationError({"what_happened": _("Describe briefly what happened.")})


@transaction.atomic
def critical_situation_create(
    *,
    logbook: Logbook,
    by,
    occurred_on: datetime.date,
    trigger: str,
    what_happened: str,
    what_supported: str = "",
) -> CriticalSituation:
    """Record a critical situation (the form warns about names and health details)."""
    _check_situation(occurred_on, what_happened)
    situation = CriticalSituation(
        logbook=logbook,
        occurred_on=occurred_on,
        trigger=trigger,
        what_happened=what_happened.strip(),
        what_supported=(what_supported or "").strip(),
        created_by=by,
    )
    situation.full_clean()
    situation.save()
    return situation


@transaction.atomic
def critical_situation_update(
    *,
    situation: CriticalSituation,
    by,
    occurred_on: datetime.date,
    trigger: str,
    what_happened: str,
    what_supported: str = "",
) -> CriticalSituation:
    """Change a recorded situation (e.g. to remove something the guard warned about)."""
    _check_situation(occurred_on, what_happened)
    situation.occurred_on = occurred_on
    situation.trigger = trigger
    situation.what_happened = what_happened.strip()
    situation.what_supported = (what_supported or "").strip()
    situation.full_clean()
    situation.save()
    return situation


@transaction.atomic
def critical_situation_delete(*, situation: CriticalSituation, by) -> None:
    """Remove a situation the company recorded by mistake."""
    situation.delete()


@transaction.atomic
def change_logic_save(
    *,
    entry: Entry,
    by,
    challenge: str = "",
    challenge_text: str = "",
    expected_results: str = "",
    knowledge_and_tools: str = "",
) -> ChangeLogic:
    """Create or update the change logic of an initiative entry."""
    if entry.kind != Entry.Kind.INITIATIVE or entry.deleted_at is not None:
        raise ValidationError(_("A change logic belongs to an initiative that is not deleted."))
    logic = ChangeLogic.objects.select_for_update().filter(entry=entry).first()
    if logic is None:
        logic = ChangeLogic(entry=entry)
    logic.challenge = challenge or ""
    logic.challenge_text = (challenge_text or "").strip()
    logic.expected_results = (expected_results or "").strip()
    logic.knowledge_and_tools = (knowledge_and_tools or "").strip()
    logic.updated_by = by
    logic.full_clean()
    logic.save()
    return logic
