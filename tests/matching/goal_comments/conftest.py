"""Fixtures for a development goal's thread: the company's active case (global
`case`: `enrolled_advisor` advises `company`, whose SMV owner is `owner`) and a goal."""

import pytest

from matching.models import CaseGoal
from tests import factories


@pytest.fixture
def goal(case, owner):
    return CaseGoal.objects.create(case=case, title="Færre afbrydelser", created_by=owner)


@pytest.fixture
def advisor(case):
    return case.advisor


@pytest.fixture
def advisor_not_on_case(unit):
    """A colleague of the case's advisor in the same unit, not on the case."""
    return factories.advisor(organisation=unit)
