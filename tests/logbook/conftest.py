"""Fixtures shared by the logbook tests: the company's logbook, its advisor's case and
the people around it. The programme, company and people fixtures they build on come
from tests/fixtures/programme.py, `logbook` and `case` from tests/fixtures/logbook.py.

Fixture names say who a person is to *this* company's logbook.
"""

import pytest

from logbook.entries.schema import snapshot
from logbook.models import EntryVersion
from tests import factories
from tests.logbook.factories import EntryFactory
from tests.matching.factories import CaseFactory


@pytest.fixture
def consented_advisor(programme, company, unit, enrolled_advisor, logbook):
    """The advisor of the company's active case (the logbook shares with the advisor)."""
    CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    return enrolled_advisor


@pytest.fixture
def advisor_of_other_company(programme, company):
    """The advisor (in another advisory unit) of another company's case in the programme."""
    other_company = factories.OrganisationFactory()
    other_unit = factories.AdvisoryUnitFactory()
    advisor = factories.advisor(organisation=other_unit)
    CaseFactory(programme=programme, company=other_company, advisor=advisor, unit=other_unit)
    return advisor


@pytest.fixture
def advisor_not_on_case(unit):
    """An advisor of the programme's advisory unit who is on no case of this company."""
    return factories.advisor(organisation=unit)


@pytest.fixture
def researcher(facilitator):
    """A facilitator: a researcher, who reads a logbook only with the company's consent."""
    return facilitator


@pytest.fixture
def entry(logbook, owner):
    """An entry by the company's owner with its first version kept."""
    entry = EntryFactory(logbook=logbook, author=owner)
    EntryVersion.objects.create(entry=entry, number=1, data=snapshot(entry), saved_by=owner)
    return entry


@pytest.fixture
def owner_client(client, owner):
    """The test client, logged in as the company's owner."""
    client.force_login(owner)
    return client
