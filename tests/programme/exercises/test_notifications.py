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


def test_rewording_a_recommendation_tells_its_author_and_endorsers_once_per_change(
    recommendation, owner, enrolled_advisor, facilitator
):
    from programme.exercises.recommendations import services as recommendations

    recommendations.recommendation_endorse_toggle(
        recommendation=recommendation, user=enrolled_advisor
    )
    recommendations.recommendation_endorse_toggle(recommendation=recommendation, user=facilitator)
    reworded = Notification.objects.filter(kind="recommendation_reworded")
    recommendations.recommendation_edit(
        recommendation=recommendation, text=recommendation.text, user=facilitator
    )
    assert not reworded.exists()  # the same text is no change
    new_text = "Begynd med et kort møde hos virksomheden."
    recommendations.recommendation_edit(
        recommendation=recommendation, text=new_text, user=facilitator
    )
    # The author and the other endorser; not the facilitator who changed it.
    assert set(reworded.values_list("recipient", flat=True)) == {owner.pk, enrolled_advisor.pk}
    note = reworded.get(recipient=owner)
    assert note.link == (
        reverse("programme:exercise_recommendations", args=[recommendation.meeting_id])
        + f"#recommendation-{recommendation.pk}"
    )
    assert recommendation.meeting.title in note.title
    # Names the meeting, never what anyone wrote (neither wording).
    assert new_text not in note.title and "Start med et kort" not in note.title
    recommendations.recommendation_edit(
        recommendation=recommendation, text="Et tredje forslag.", user=facilitator
    )
    assert reworded.filter(recipient=owner).count() == 2  # one per change
