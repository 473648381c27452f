"""Writes for the dilemma workshop (meetings 2 and 4): the catalogue, each company's
concrete dilemma, and the dilemma plays made from them."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from programme.exercises.dilemmas.catalogue import EXAMPLE_DILEMMAS
from programme.exercises.selectors import DILEMMA_WORKSHOPS
from programme.exercises.services import clean_text, require_exercise
from programme.models import Dilemma, DilemmaChoice, Meeting, Scenario
from programme.programmes.selectors import companies_represented


@transaction.atomic
def dilemma_seed_catalogue() -> int:
    """Add the example dilemmas that are not in the catalogue yet. Safe to run again.
    Returns how many were added."""
    existing = set(Dilemma.objects.values_list("title", flat=True))
    start = (Dilemma.objects.aggregate(top=Max("position"))["top"] or 0) + 1
    new = [
        Dilemma(title=title, description=description, position=start + i)
        for i, (title, description) in enumerate(
            (t, d) for t, d in EXAMPLE_DILEMMAS if t not in existing
        )
    ]
    Dilemma.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def dilemma_add(*, title: str, description: str) -> Dilemma:
    top = Dilemma.objects.aggregate(top=Max("position"))["top"] or 0
    dilemma = Dilemma(
        title=(title or "").strip(),
        description=clean_text(description, field="description"),
        position=top + 1,
    )
    dilemma.full_clean()
    dilemma.save()
    return dilemma


@transaction.atomic
def dilemma_choose(
    *,
    meeting: Meeting,
    company: Organisation,
    dilemma: Dilemma,
    concrete_description: str,
    user: Any,
) -> tuple[DilemmaChoice, bool]:
    """A company picks a dilemma and says how it looks in their workplace. Picking the
    same dilemma again at the same meeting updates the description.
    Returns (choice, created)."""
    require_exercise(meeting, *DILEMMA_WORKSHOPS)
    if company not in companies_represented(user, meeting.programme):
        raise ValidationError({"company": _("You can only choose for your own company.")})
    text = clean_text(concrete_description, field="concrete_description")
    choice, created = DilemmaChoice.objects.select_for_update().get_or_create(
        meeting=meeting,
        company=company,
        dilemma=dilemma,
        defaults={"concrete_description": text, "chosen_by": user},
    )
    if not created:
        choice.concrete_description = text
        choice.chosen_by = user
    choice.full_clean(validate_constraints=False)
    choice.save()
    return choice, created


@transaction.atomic
def scenario_save(
    *,
    meeting: Meeting,
    user: Any,
    title: str,
    script: str,
    played_at: date | None = None,
    outcome: str = "",
    adjustments: str = "",
    choice: DilemmaChoice | None = None,
    scenario: Scenario | None = None,
) -> Scenario:
    """Create a dilemma play from a chosen dilemma, or record how it was played and
    adjusted. The play belongs to the workshop meeting where it is played."""
    require_exercise(meeting, *DILEMMA_WORKSHOPS)
    if scenario is None:
        if choice is None or choice.meeting.programme_id != meeting.programme_id:
            raise ValidationError(_("Choose one of the programme's dilemmas."))
        scenario = Scenario(choice=choice, meeting=meeting, created_by=user)
    scenario.title = (title or "").strip()
    scenario.script = (script or "").strip()
    scenario.played_at = played_at
    scenario.outcome = (outcome or "").strip()
    scenario.adjustments = (adjustments or "").strip()
    scenario.full_clean()
    scenario.save()
    return scenario
