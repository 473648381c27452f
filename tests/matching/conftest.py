"""Fixtures shared by the matching tests.

Programme, company, unit and people come from tests/fixtures/programme.py;
`two_by_two` and `run` are the small matching world most run and page tests use.
"""

import pytest

from matching.runs import services
from tests.matching.builders import LS, SM, add_advisor, add_company, challenge_only


@pytest.fixture
def two_by_two(programme):
    """A needs stress management (X is strong), B leader sparring (Y is strong)."""
    challenge_only(programme)
    a, owner_a = add_company(programme, "A", challenges=[SM])
    b, _owner_b = add_company(programme, "B", challenges=[LS])
    x, unit_x = add_advisor(programme, "X", competences={SM: "strong"})
    y, _unit_y = add_advisor(programme, "Y", competences={LS: "strong"})
    return {"a": a, "b": b, "x": x, "y": y, "unit_x": unit_x, "owner_a": owner_a}


@pytest.fixture
def run(programme, facilitator, two_by_two):
    """A draft run over `two_by_two`: A–X and B–Y."""
    return services.match_run_create(programme=programme, mode="max_total", by=facilitator)
