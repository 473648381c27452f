"""Recommendations pages: endorsing, merging, the published set and its PDF for
participants only, input kept, the board in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programme.exercises.recommendations import selectors, services
from tests.programme.exercises.helpers import recommendations_with_activity

pytestmark = pytest.mark.django_db


def test_endorse_through_the_page(client, enrolled_advisor, recommendation, meeting5):
    client.force_login(enrolled_advisor)
    url = reverse("programme:recommendation_endorse", args=[recommendation.pk])
    assert client.post(url).status_code == 302
    board = selectors.recommendations_board(meeting5, enrolled_advisor)
    assert (board[0].endorsement_count, board[0].endorsed_by_me) == (1, True)
    client.post(url)
    board = selectors.recommendations_board(meeting5, enrolled_advisor)
    assert (board[0].endorsement_count, board[0].endorsed_by_me) == (0, False)


def test_facilitator_merges_through_the_page(client, facilitator, owner, meeting5):
    a = services.recommendation_propose(meeting=meeting5, author=owner, text="Første")
    b = services.recommendation_propose(meeting=meeting5, author=owner, text="Dublet")
    client.force_login(facilitator)
    url = reverse("programme:recommendation_merge", args=[b.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {})
    assert response.status_code == 200 and "target" in response.context["form"].errors
    response = client.post(url, {"target": a.pk})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.merged_into == a
    assert client.get(url).status_code == 404  # already merged


def test_published_set_and_pdf_for_participants_only(
    client, facilitator, enrolled_advisor, outsider, recommendation, meeting5, owner
):
    draft = services.recommendation_propose(
        meeting=meeting5, author=owner, text="Et udkast der ikke kommer med"
    )
    pdf_url = reverse("programme:recommendations_pdf", args=[meeting5.pk])
    client.force_login(enrolled_advisor)
    assert client.get(pdf_url).status_code == 404  # nothing published yet

    client.force_login(facilitator)
    url = reverse("programme:recommendation_publish", args=[recommendation.pk])
    assert client.post(url, {"published": "1"}).status_code == 302
    assert [r.pk for r in selectors.published_recommendations(meeting5)] == [recommendation.pk]
    assert client.get(pdf_url).status_code == 200

    client.force_login(enrolled_advisor)
    response = client.get(reverse("programme:exercise_recommendations", args=[meeting5.pk]))
    assert [r.pk for r in response.context["published"]] == [recommendation.pk]
    assert draft.pk in [r.pk for r in response.context["board"]]
    response = client.get(pdf_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")

    client.force_login(outsider)
    assert client.get(pdf_url).status_code == 404


def test_invalid_recommendation_and_comment_keep_the_input(
    client, enrolled_advisor, recommendation, meeting5
):
    client.force_login(enrolled_advisor)
    long_text = "anbefaling " * 150
    response = client.post(
        reverse("programme:exercise_recommendations", args=[meeting5.pk]), {"text": long_text}
    )
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert long_text.strip() in response.content.decode()

    url = reverse("programme:recommendation_comment", args=[recommendation.pk])
    long_comment = "kommentar " * 120
    response = client.post(url, {f"c{recommendation.pk}-text": long_comment})
    assert response.status_code == 200
    assert long_comment.strip() in response.content.decode()
    response = client.post(url, {f"c{recommendation.pk}-text": "Godt forslag"})
    assert response.status_code == 302
    assert recommendation.comments.get().text == "Godt forslag"


def test_recommendation_board_query_count_does_not_grow(client, enrolled_advisor, owner, meeting5):
    client.force_login(enrolled_advisor)
    url = reverse("programme:exercise_recommendations", args=[meeting5.pk])
    people = [owner, enrolled_advisor]
    recommendations_with_activity(meeting5, 10, people)
    client.get(url)  # warm up (session, content types)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    recommendations_with_activity(meeting5, 90, people)
    with CaptureQueriesContext(connection) as hundred:
        response = client.get(url)
    assert len(response.context["board"]) == 100
    assert len(hundred) == len(ten)
