"""The dilemma catalogue."""

import pytest

from programme.exercises.dilemmas import services
from programme.exercises.dilemmas.catalogue import EXAMPLE_DILEMMAS
from programme.models import Dilemma

pytestmark = pytest.mark.django_db


def test_example_catalogue_is_seeded_once(db):
    assert services.dilemma_seed_catalogue() == len(EXAMPLE_DILEMMAS) == 5
    assert services.dilemma_seed_catalogue() == 0
    assert Dilemma.objects.count() == 5
