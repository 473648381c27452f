"""Who should attend a meeting (`selectors.meeting_participants`)."""

import pytest

from programme.meetings import selectors

pytestmark = pytest.mark.django_db


def test_kickoff_is_for_companies_only(kickoff, owner, enrolled_advisor):
    assert set(selectors.meeting_participants(kickoff)) == {owner}
