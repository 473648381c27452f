"""A facilitator may improve a recommendation's wording before it is published;
the participant's own wording is kept and shown. A published recommendation is
locked: it is never edited silently."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programme.exercises.recommendations import selectors, services
from programme.models import RecommendationRevision

pytestmark = pytest.mark.django_db

ORIGINAL = "Start med et kort møde på virksomheden."


def _edit_url(recommendation) -> str:
    return reverse("programme:recommendation_edit", args=[recommendation.pk])


def test_edit_keeps_the_earlier_wording(recommendation, facilitator):
    services.recommendation_edit(
        recommendation=recommendation,
        text="Start med et kort møde hos virksomheden.",
        user=facilitator,
    )
    services.recommendation_edit(
        recommendation=recommendation,
        text="Begynd med et kort møde hos virksomheden.",
        user=facilitator,
    )
    recommendation.refresh_from_db()
    assert recommendation.text == "Begynd med et kort møde hos virksomheden."
    history = selectors.wording_revisions(recommendation)
    assert [row.text_before for row in history] == [
        ORIGINAL,
        "Start med et kort møde hos virksomheden.",
    ]
    assert all(row.edited_by == facilitator for row in history)


def test_the_same_text_again_records_no_change(recommendation, facilitator):
    services.recommendation_edit(
        recommendation=recommendation, text=f"  {ORIGINAL} ", user=facilitator
    )
    assert not RecommendationRevision.objects.exists()


def test_a_published_recommendation_is_locked(recommendation, facilitator):
    services.recommendation_publish(recommendation=recommendation, published=True)
    with pytest.raises(ValidationError):
        services.recommendation_edit(
            recommendation=recommendation, text="Noget andet.", user=facilitator
        )
    recommendation.refresh_from_db()
    assert recommendation.text == ORIGINAL
    # Taken out of the published set (which everyone sees), it can be changed again.
    services.recommendation_publish(recommendation=recommendation, published=False)
    services.recommendation_edit(
        recommendation=recommendation, text="Noget andet.", user=facilitator
    )
    recommendation.refresh_from_db()
    assert recommendation.text == "Noget andet."


def test_a_merged_recommendation_is_not_edited(recommendation, meeting5, owner, facilitator):
    other = services.recommendation_propose(meeting=meeting5, author=owner, text="Dublet")
    services.recommendation_merge(source=other, target=recommendation)
    with pytest.raises(ValidationError):
        services.recommendation_edit(recommendation=other, text="Ny tekst", user=facilitator)


def test_facilitator_edits_through_the_page_and_the_board_says_so(
    client, recommendation, facilitator, enrolled_advisor, meeting5, english
):
    client.force_login(facilitator)
    board_url = reverse("programme:exercise_recommendations", args=[meeting5.pk])
    assert f'href="{_edit_url(recommendation)}"' in client.get(board_url).text
    assert client.get(_edit_url(recommendation)).status_code == 200
    # An empty wording is refused with a message and nothing changes.
    response = client.post(_edit_url(recommendation), {"text": "   "})
    assert response.status_code == 200 and response.context["form"].errors
    response = client.post(_edit_url(recommendation), {"text": "Mød virksomheden tidligt."})
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text == "Mød virksomheden tidligt."
    # Participants see that the wording was edited, and the original wording.
    client.force_login(enrolled_advisor)
    html = client.get(board_url).text
    assert 'data-testid="wording-edited"' in html
    assert ORIGINAL in html
    assert _edit_url(recommendation) not in html  # only facilitators edit


def test_the_page_of_a_published_recommendation_has_no_form(
    client, recommendation, facilitator, meeting5, english
):
    services.recommendation_publish(recommendation=recommendation, published=True)
    client.force_login(facilitator)
    response = client.get(_edit_url(recommendation))
    assert response.status_code == 200
    assert 'data-testid="recommendation-locked"' in response.text
    assert response.context["form"] is None
    response = client.post(_edit_url(recommendation), {"text": "Stille ændring"})
    assert response.status_code == 200
    recommendation.refresh_from_db()
    assert recommendation.text == ORIGINAL
    board = client.get(reverse("programme:exercise_recommendations", args=[meeting5.pk])).text
    assert f'href="{_edit_url(recommendation)}"' not in board


@pytest.mark.parametrize("who", ["enrolled_advisor", "owner", "outsider"])
def test_only_facilitators_edit(client, request, recommendation, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_edit_url(recommendation)).status_code == 404
    assert client.post(_edit_url(recommendation), {"text": "Overtaget"}).status_code == 404
    recommendation.refresh_from_db()
    assert recommendation.text == ORIGINAL
