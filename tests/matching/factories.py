"""Factories for profiles and cases."""

import factory

from matching.models import (
    AdvisorProfile,
    Case,
    Challenge,
    CompanyProfile,
    Competence,
    MatchPair,
    MatchRun,
)
from tests import factories


class CompanyProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyProfile

    company = factory.SubFactory(factories.OrganisationFactory)
    industry = factory.SelfAttribute("company.industry")
    size_band = factory.SelfAttribute("company.size_band")
    region = factory.SelfAttribute("company.region")
    challenges = factory.LazyFunction(
        lambda: [Challenge.STRESS_MANAGEMENT, Challenge.LEADER_SPARRING]
    )
    months_available = factory.LazyFunction(lambda: [5, 6, 8, 9, 10, 11])


class AdvisorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdvisorProfile

    unit = factory.SubFactory(factories.AdvisoryUnitFactory)
    advisor = factory.LazyAttribute(lambda o: factories.advisor(organisation=o.unit))
    competences = factory.LazyFunction(lambda: {c.value: Competence.SOME for c in Challenge})
    industries = factory.LazyFunction(lambda: ["media"])
    regions = factory.LazyFunction(lambda: ["hovedstaden"])
    capacity = 1


class MatchRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchRun

    mode = MatchRun.Mode.MAX_TOTAL


class MatchPairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MatchPair

    score = 50


class CaseFactory(factory.django.DjangoModelFactory):
    """A case; pass programme, company, advisor and unit (the advisor's unit)."""

    class Meta:
        model = Case
