"""Builders for the matching tests: companies and advisors with profiles, cases.

Plain functions (not fixtures), shared by the matching tests and the browser
tests; fixtures built from them live in the conftest files.
"""

from datetime import timedelta

from django.utils import timezone

from matching.models import CasePhaseChange, Challenge, Competence, MatchWeights, Phase
from programme.models import Enrolment
from tests import factories
from tests.matching.factories import AdvisorProfileFactory, CaseFactory, CompanyProfileFactory

SM = Challenge.STRESS_MANAGEMENT.value
TC = Challenge.TEAM_COLLABORATION.value
LS = Challenge.LEADER_SPARRING.value


def add_company(programme, name, *, profile=True, **fields):
    """An enrolled company with an SMV owner (and, by default, a profile)."""
    company = factories.OrganisationFactory(name=name)
    Enrolment.objects.create(programme=programme, organisation=company)
    owner = factories.smv_owner(organisation=company)
    if profile:
        fields.setdefault("challenges", [SM])
        CompanyProfileFactory(programme=programme, company=company, **fields)
    return company, owner


def add_advisor(programme, name, *, competences=None, profile=True, **fields):
    """An advisor in their own enrolled unit "Enhed <name>" (and, by default, a profile
    with no competence but `competences`)."""
    unit = factories.AdvisoryUnitFactory(name=f"Enhed {name}")
    Enrolment.objects.create(programme=programme, organisation=unit)
    user = factories.advisor(organisation=unit)
    user.full_name = name
    user.save(update_fields=["full_name"])
    if profile:
        levels = {c.value: Competence.NONE for c in Challenge}
        levels.update(competences or {})
        AdvisorProfileFactory(
            programme=programme, unit=unit, advisor=user, competences=levels, **fields
        )
    return user, unit


def challenge_only(programme):
    """Only challenge fit counts: scores are easy to read off the competences."""
    MatchWeights.objects.update_or_create(
        programme=programme, defaults={"challenge": 1, "industry": 0, "region_format": 0, "role": 0}
    )


def pairs_of(run) -> dict[str, str]:
    """A run's pairs as {company name: advisor name}."""
    return {
        p.company.name: p.advisor.full_name for p in run.pairs.select_related("company", "advisor")
    }


def make_case(*, programme, company, advisor, unit, started_days_ago: int = 30, **kwargs):
    """A case in the way in, started `started_days_ago` days ago."""
    case = CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit, **kwargs)
    CasePhaseChange.objects.create(
        case=case,
        phase=Phase.WAY_IN,
        started_on=timezone.localdate() - timedelta(days=started_days_ago),
    )
    return case
