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


@pytest.fixture
def english(client, settings):
    """Pages in English (the msgids), so the tests do not depend on the Danish catalogue."""
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
