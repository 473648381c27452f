"""Fixtures for the case tests: the company's case, and people around it who may not
see it."""

import pytest

from programme.models import Enrolment
from tests import factories
from tests.matching.builders import make_case


@pytest.fixture
def case(programme, company, unit, enrolled_advisor, owner):
    """The company's active case with `enrolled_advisor`, in the way in for 30 days."""
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
def other_case_owner(other_case):
    """The SMV owner of `other_case`'s company."""
    return other_case.company.memberships.get().user


@pytest.fixture
def other_case_advisor(other_case):
    """The advisor of `other_case` (another company, another unit)."""
    return other_case.advisor
