"""Programme, company, unit and people fixtures shared with the programme tests."""

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
