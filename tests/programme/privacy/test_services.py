"""The programme's erase step: the person's own rows go, their contributions stay
without their name."""

import pytest
from django.urls import reverse

from bifrost.core import personal_data
from programme.exercises.prejudice_game.selectors import assumptions_grouped
from programme.models import (
    Assumption,
    Attendance,
    Endorsement,
    EvaluationResponse,
    Recommendation,
    RecommendationComment,
)

pytestmark = pytest.mark.django_db


def test_own_rows_go_and_contributions_stay(meeting, owner):
    recommendation = Recommendation.objects.create(meeting=meeting, author=owner, text="Stays")
    RecommendationComment.objects.create(recommendation=recommendation, author=owner, text="Too")
    Attendance.objects.create(meeting=meeting, user=owner, present=True)
    Endorsement.objects.create(recommendation=recommendation, user=owner)
    EvaluationResponse.objects.create(meeting=meeting, respondent=owner, answers={"q": 4})
    personal_data.erase(owner)
    assert Recommendation.objects.get(pk=recommendation.pk).author is None
    assert RecommendationComment.objects.get(text="Too").author is None
    assert not Attendance.objects.filter(user=owner).exists()
    assert not Endorsement.objects.filter(user=owner).exists()
    assert not EvaluationResponse.objects.filter(respondent=owner).exists()


def test_an_assumption_of_a_gone_author_is_signed_former_user_unless_anonymous(
    meeting, owner, english
):
    side = Assumption.Side.SMVS
    Assumption.objects.create(meeting=meeting, author=owner, side=side, text="Named")
    Assumption.objects.create(
        meeting=meeting, author=owner, side=side, text="Hidden", anonymous=True
    )
    personal_data.erase(owner)
    rows = {
        row.text: row.author_label for _s, _l, rows in assumptions_grouped(meeting) for row in rows
    }
    assert rows == {"Named": "Former user", "Hidden": "Anonymous"}


def test_the_recommendations_page_signs_former_user(client, programme, owner, facilitator, english):
    meeting5 = programme.meetings.get(number=5)
    recommendation = Recommendation.objects.create(meeting=meeting5, author=owner, text="Kept")
    RecommendationComment.objects.create(recommendation=recommendation, author=owner, text="Yes")
    personal_data.erase(owner)
    client.force_login(facilitator)
    html = client.get(reverse("programme:exercise_recommendations", args=[meeting5.pk])).text
    assert "Kept" in html
    assert html.count("Former user") == 2
