from datetime import date

import pytest

from programme.models import Enrolment
from programme.programmes import services
from tests import factories


@pytest.fixture
def programme(db, facilitator):
    return services.programme_create_from_template(
        name="BIFROST 2027",
        description="Forløb",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )


@pytest.fixture
def company(programme):
    company = factories.OrganisationFactory(name="Lokalavisen Prøve ApS")
    Enrolment.objects.create(programme=programme, organisation=company)
    return company


@pytest.fixture
def unit(programme):
    unit = factories.AdvisoryUnitFactory(name="Rådgiverenhed Prøve")
    Enrolment.objects.create(programme=programme, organisation=unit)
    return unit


@pytest.fixture
def owner(company):
    return factories.smv_owner(organisation=company)


@pytest.fixture
def enrolled_advisor(unit):
    return factories.advisor(organisation=unit)


@pytest.fixture
def outsider(db):
    return factories.smv_owner()


@pytest.fixture
def meeting(programme):
    return programme.meetings.get(number=2)


@pytest.fixture
def kickoff(programme):
    return programme.meetings.get(number=0)
