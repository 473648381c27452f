"""Writes on cases (engagements): opening, closing, phases, goals, meetings, tasks, notes."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.models import Case, CasePhaseChange, MatchPair, Phase


def case_touch(*, case: Case) -> None:
    """Mark activity on a case (the advisor dashboard sorts by it)."""
    Case.objects.filter(pk=case.pk).update(last_activity_at=timezone.now())


@transaction.atomic
def case_open(*, pair: MatchPair, by) -> Case:
    """Open the case for a confirmed pair (the company's active case, if any, must be closed)."""
    run = pair.run
    profile = run.programme.advisor_profiles.filter(advisor=pair.advisor).first()
    if profile is None:
        raise ValidationError(_("The advisor has no profile in this programme."))
    if Case.objects.filter(
        programme=run.programme, company=pair.company, status=Case.Status.ACTIVE
    ).exists():
        raise ValidationError(_("The company already has an active case."))
    case = Case.objects.create(
        programme=run.programme,
        company=pair.company,
        advisor=pair.advisor,
        unit=profile.unit,
        match_pair=pair,
        phase=Phase.WAY_IN,
    )
    CasePhaseChange.objects.create(
        case=case, phase=Phase.WAY_IN, started_on=timezone.localdate(), changed_by=by
    )
    return case


@transaction.atomic
def case_close(*, case: Case, by, reason: str) -> Case:
    """Close a case (e.g. the advisor dropped out); its history stays readable."""
    if case.status == Case.Status.CLOSED:
        return case
    case.status = Case.Status.CLOSED
    case.closed_at = timezone.now()
    case.close_reason = reason[:300]
    case.save(update_fields=["status", "closed_at", "close_reason"])
    return case
