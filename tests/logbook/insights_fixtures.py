"""Fixtures for the readiness, critical situation and change logic tests."""

import pytest

from tests import factories
from tests.matching.factories import CaseFactory


@pytest.fixture
def consented_advisor(programme, company, unit, enrolled_advisor, logbook):
    """The advisor of the company's active case (the logbook shares with the advisor)."""
    CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    return enrolled_advisor


@pytest.fixture
def other_advisor(unit):
    """An advisor in the programme who is not on this company's case."""
    return factories.advisor(organisation=unit)


@pytest.fixture
def researcher(facilitator):
    return facilitator
