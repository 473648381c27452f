"""Writes for company and advisor profiles, and an advisor's drop-out."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Organisation
from matching.cases.services import case_close
from matching.models import AdvisorProfile, Case, Challenge, CompanyProfile, PairRule
from matching.profiles.selectors import advisor_units, enrolled_units
from programme.models import Programme


def _check_challenges(challenges: list[str]) -> None:
    valid = set(Challenge.values)
    if not challenges:
        raise ValidationError({"challenges": _("Choose at least one challenge.")})
    if len(set(challenges)) != len(challenges) or not set(challenges) <= valid:
        raise ValidationError({"challenges": _("Each challenge can have one rank only.")})


@transaction.atomic
def company_profile_save(
    *, programme: Programme, company: Organisation, by, data: dict, existing_units=()
) -> CompanyProfile:
    """Create or update the company's profile in the programme."""
    _check_challenges(list(data.get("challenges", [])))
    profile = CompanyProfile.objects.filter(programme=programme, company=company).first()
    if profile is None:
        profile = CompanyProfile(programme=programme, company=company)
    for name, value in data.items():
        setattr(profile, name, value)
    profile.months_available = sorted({int(m) for m in profile.months_available})
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    allowed = set(enrolled_units(programme).values_list("pk", flat=True))
    profile.existing_units.set([u for u in existing_units if u.pk in allowed])
    return profile


@transaction.atomic
def advisor_profile_save(*, programme: Programme, advisor, by, data: dict) -> AdvisorProfile:
    """Create or update the advisor's own profile in the programme."""
    unit = data.get("unit")
    if (
        unit is None
        or not advisor_units(programme=programme, advisor=advisor).filter(pk=unit.pk).exists()
    ):
        raise ValidationError({"unit": _("Choose one of your units in this programme.")})
    for value in (data.get("role_scores") or {}).values():
        if not 0 <= int(value) <= 100:
            raise ValidationError({"role_scores": _("Percentages are from 0 to 100.")})
    profile = AdvisorProfile.objects.filter(programme=programme, advisor=advisor).first()
    if profile is None:
        profile = AdvisorProfile(programme=programme, advisor=advisor)
    for name, value in data.items():
        setattr(profile, name, value)
    if not set(profile.industries) <= set(Organisation.Industry.values):
        raise ValidationError({"industries": _("Choose industries from the list.")})
    if not set(profile.regions) <= set(Organisation.Region.values):
        raise ValidationError({"regions": _("Choose regions from the list.")})
    # Empty lists are allowed: an advisor may be new to every industry, or meet by video only.
    profile.full_clean(exclude=["industries", "regions"])
    profile.save()
    return profile


@transaction.atomic
def advisor_withdraw(*, profile: AdvisorProfile, by) -> list[Case]:
    """The advisor dropped out: never proposed again, their active cases are closed.

    Locks to the advisor are removed (they cannot be honoured); must-not rules
    stay. Returns the closed cases, whose companies a re-match run then matches.
    """
    profile = AdvisorProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.withdrawn_at is None:
        profile.withdrawn_at = timezone.now()
        profile.save(update_fields=["withdrawn_at", "updated_at"])
    PairRule.objects.filter(
        programme_id=profile.programme_id, advisor_id=profile.advisor_id, kind=PairRule.Kind.LOCK
    ).delete()
    closed = []
    for case in Case.objects.filter(
        programme_id=profile.programme_id, advisor_id=profile.advisor_id, status=Case.Status.ACTIVE
    ):
        closed.append(case_close(case=case, by=by, reason=_("The advisor dropped out.")))
    return closed
