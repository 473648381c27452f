"""The prejudice game's workflow: each person writes from their own side."""

import pytest
from django.core.exceptions import ValidationError

from programme.exercises.prejudice_game import services

pytestmark = pytest.mark.django_db


def test_an_assumption_can_only_be_written_from_ones_own_side(owner, meeting1):
    with pytest.raises(ValidationError):
        services.assumption_add(
            meeting=meeting1, author=owner, side="advisors", text="x", anonymous=False
        )
