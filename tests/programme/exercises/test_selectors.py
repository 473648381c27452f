"""The exercise progress on the facilitator's programme overview (fixed queries)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.exercises import selectors as exercise_selectors
from programme.exercises.prejudice_game import services as prejudice_game_services
from programme.exercises.recommendations import services as recommendation_services

pytestmark = pytest.mark.django_db


def test_exercise_progress_summarises_each_exercise_meeting(
    programme, meeting1, meeting5, owner, enrolled_advisor, kickoff, english
):
    prejudice_game_services.assumption_add(
        meeting=meeting1, author=owner, side="smvs", text="a", anonymous=True
    )
    second = prejudice_game_services.assumption_add(
        meeting=meeting1, author=enrolled_advisor, side="advisors", text="b", anonymous=False
    )
    prejudice_game_services.assumption_review(assumption=second, status="confirmed", note="")
    rec = recommendation_services.recommendation_propose(meeting=meeting5, author=owner, text="r")
    recommendation_services.recommendation_propose(meeting=meeting5, author=owner, text="s")
    recommendation_services.recommendation_publish(recommendation=rec, published=True)

    with CaptureQueriesContext(connection) as queries:
        progress = exercise_selectors.exercise_progress(programme)
    assert len(queries) <= 2
    numbers = dict(programme.meetings.values_list("pk", "number"))
    assert sorted(numbers[pk] for pk in progress) == [1, 2, 4, 5, 6]
    assert kickoff.pk not in progress
    assert progress[meeting1.pk] == "2 assumptions, 1 discussed"
    assert progress[meeting5.pk] == "2 recommendations, 1 published"
