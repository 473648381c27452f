"""Fixtures for the case tests (imported by tests/matching/test_cases_*.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matching.models import CasePhaseChange, Phase
from programme.models import Enrolment
from tests import factories
from tests.matching.factories import CaseFactory


def make_case(*, programme, company, advisor, unit, started_days_ago: int = 30, **kwargs):
    case = CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit, **kwargs)
    CasePhaseChange.objects.create(
        case=case,
        phase=Phase.WAY_IN,
        started_on=timezone.localdate() - timedelta(days=started_days_ago),
    )
    return case


@pytest.fixture
def case(programme, company, unit, enrolled_advisor, owner):
    return make_case(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)


@pytest.fixture
def colleague(unit):
    """Another advisor in the case's advisory unit (not on the case)."""
    return factories.advisor(organisation=unit)


@pytest.fixture
def other_case(programme):
    """A case of another company with an advisor from another unit."""
    company = factories.OrganisationFactory(name="Forlaget Andet ApS")
    unit = factories.AdvisoryUnitFactory(name="Rådgiverenhed Anden")
    Enrolment.objects.create(programme=programme, organisation=company)
    Enrolment.objects.create(programme=programme, organisation=unit)
    advisor = factories.advisor(organisation=unit)
    factories.smv_owner(organisation=company)
    return make_case(programme=programme, company=company, advisor=advisor, unit=unit)


@pytest.fixture
def other_owner(other_case):
    return other_case.company.memberships.get().user


@pytest.fixture
def other_advisor(other_case):
    return other_case.advisor
