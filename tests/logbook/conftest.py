"""Programme, company, unit and people fixtures shared with the programme tests."""

import pytest

from tests.logbook.factories import LogbookFactory
from tests.programme.conftest import (  # noqa: F401
    company,
    enrolled_advisor,
    kickoff,
    meeting,
    outsider,
    owner,
    programme,
    unit,
)


@pytest.fixture
def logbook(programme, company):  # noqa: F811 (fixtures imported above)
    return LogbookFactory(programme=programme, company=company)
