"""An exercise that opens to the participants tells them: the prejudice game's board
revealed (once per meeting), the evaluation opened again (once per reopening)."""

import pytest
from django.urls import reverse

from bifrost.core.models import Notification
from programme.exercises.evaluation import services as evaluation
from programme.exercises.prejudice_game import services as prejudice_game

pytestmark = pytest.mark.django_db


def _opened():
    return Notification.objects.filter(kind="exercise_opened")


def test_revealing_the_board_tells_the_participants_once(meeting1, owner, enrolled_advisor):
    for revealed in (True, False, True):
        prejudice_game.assumptions_reveal(meeting=meeting1, revealed=revealed)
    assert set(_opened().values_list("recipient", flat=True)) == {owner.pk, enrolled_advisor.pk}
    assert _opened().get(recipient=owner).link == reverse(
        "programme:exercise_assumptions", args=[meeting1.pk]
    )


def test_reopening_the_evaluation_tells_the_participants_per_reopening(meeting6, owner):
    evaluation.evaluation_close(meeting=meeting6, closed=False)
    assert not _opened().exists()  # it was open already: nothing opened
    evaluation.evaluation_close(meeting=meeting6, closed=True)
    assert not _opened().exists()
    evaluation.evaluation_close(meeting=meeting6, closed=False)
    evaluation.evaluation_close(meeting=meeting6, closed=False)
    assert _opened().filter(recipient=owner).count() == 1
    assert meeting6.title in _opened().get(recipient=owner).title
