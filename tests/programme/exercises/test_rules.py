"""Access to the meeting exercises: 404 for anyone who may not see or do a thing;
participants contribute, facilitators moderate, each exercise only at its meeting."""

import pytest
from django.urls import reverse

from programme.exercises.dilemmas import services as dilemma_services
from programme.exercises.prejudice_game import services as prejudice_game_services
from programme.exercises.recommendations import selectors as recommendation_selectors
from programme.models import Assumption, Endorsement, Principle, Recommendation
from tests.programme.exercises.helpers import participant_pages

pytestmark = pytest.mark.django_db


def test_outsider_gets_404_for_every_exercise_page_and_action(
    client, outsider, meeting1, meeting, meeting5, meeting6, choice, recommendation, principle
):
    recommendation.published_at = recommendation.created_at
    recommendation.save()
    assumption = prejudice_game_services.assumption_add(
        meeting=meeting1, author=choice.chosen_by, side="smvs", text="x", anonymous=False
    )
    scenario = dilemma_services.scenario_save(
        meeting=meeting, user=None, choice=choice, title="Spil", script="Scene"
    )
    client.force_login(outsider)
    for url in [
        *participant_pages(meeting1, meeting, meeting5, meeting6),
        reverse("programme:recommendations_pdf", args=[meeting5.pk]),
        reverse("programme:scenario_edit", args=[scenario.pk]),
        reverse("programme:scenario_create", args=[meeting.pk, choice.pk]),
        reverse("programme:recommendation_merge", args=[recommendation.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for url in [
        *participant_pages(meeting1, meeting, meeting5, meeting6),
        reverse("programme:assumptions_reveal", args=[meeting1.pk]),
        reverse("programme:assumption_review", args=[assumption.pk]),
        reverse("programme:assumption_remove", args=[assumption.pk]),
        reverse("programme:dilemma_add", args=[meeting.pk]),
        reverse("programme:dilemma_seed", args=[meeting.pk]),
        reverse("programme:recommendation_comment", args=[recommendation.pk]),
        reverse("programme:recommendation_endorse", args=[recommendation.pk]),
        reverse("programme:recommendation_publish", args=[recommendation.pk]),
        reverse("programme:evaluation_close", args=[meeting6.pk]),
        reverse("programme:principle_add", args=[meeting6.pk]),
        reverse("programme:principle_delete", args=[principle.pk]),
    ]:
        assert client.post(url, {"text": "x", "published": "1"}).status_code == 404, url
    assert Assumption.objects.filter(pk=assumption.pk).exists()
    assert not Endorsement.objects.exists()


def test_participants_see_the_pages_but_advisors_cannot_moderate(
    client,
    enrolled_advisor,
    owner,
    meeting1,
    meeting,
    meeting5,
    meeting6,
    choice,
    recommendation,
    principle,
):
    assumption = prejudice_game_services.assumption_add(
        meeting=meeting1, author=owner, side="smvs", text="De er dyre", anonymous=False
    )
    scenario = dilemma_services.scenario_save(
        meeting=meeting, user=None, choice=choice, title="Spil", script="Scene"
    )
    client.force_login(enrolled_advisor)
    for url in participant_pages(meeting1, meeting, meeting5, meeting6):
        assert client.get(url).status_code == 200, url
    for url in [
        reverse("programme:scenario_edit", args=[scenario.pk]),
        reverse("programme:scenario_create", args=[meeting.pk, choice.pk]),
        reverse("programme:recommendation_merge", args=[recommendation.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    for url, data in [
        (reverse("programme:assumptions_reveal", args=[meeting1.pk]), {"revealed": "1"}),
        (
            reverse("programme:assumption_review", args=[assumption.pk]),
            {f"a{assumption.pk}-status": "confirmed"},
        ),
        (reverse("programme:assumption_remove", args=[assumption.pk]), {}),
        (reverse("programme:dilemma_add", args=[meeting.pk]), {"title": "t", "description": "d"}),
        (reverse("programme:dilemma_seed", args=[meeting.pk]), {}),
        (reverse("programme:recommendation_publish", args=[recommendation.pk]), {"published": "1"}),
        (
            reverse("programme:recommendation_merge", args=[recommendation.pk]),
            {"target": recommendation.pk},
        ),
        (reverse("programme:evaluation_close", args=[meeting6.pk]), {"closed": "1"}),
        (reverse("programme:principle_add", args=[meeting6.pk]), {"title": "t", "kind": "tool"}),
        (reverse("programme:principle_delete", args=[principle.pk]), {}),
        # Choosing a company dilemma is for the company's SMV owners.
        (
            reverse("programme:exercise_dilemmas", args=[meeting.pk]),
            {"dilemma": choice.dilemma_id, "concrete_description": "x"},
        ),
    ]:
        assert client.post(url, data).status_code == 404, url
    assumption.refresh_from_db()
    assert assumption.status == Assumption.Status.OPEN
    assert Principle.objects.filter(pk=principle.pk).exists()
    assert not recommendation_selectors.published_recommendations(meeting5)


def test_an_exercise_is_only_reachable_through_its_own_meeting(
    client, owner, meeting, meeting1, kickoff
):
    client.force_login(owner)
    assert (
        client.get(reverse("programme:exercise_assumptions", args=[meeting.pk])).status_code == 404
    )
    assert client.get(reverse("programme:exercise_dilemmas", args=[meeting1.pk])).status_code == 404
    assert (
        client.get(reverse("programme:exercise_evaluation", args=[kickoff.pk])).status_code == 404
    )


def test_facilitator_sees_but_does_not_write_entries(client, facilitator, meeting1, meeting5):
    client.force_login(facilitator)
    url = reverse("programme:exercise_assumptions", args=[meeting1.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"text": "x", "side": "smvs"}).status_code == 404
    url = reverse("programme:exercise_recommendations", args=[meeting5.pk])
    assert client.post(url, {"text": "x"}).status_code == 404
    assert not Assumption.objects.exists()
    assert not Recommendation.objects.exists()


def test_meeting_page_links_to_its_exercise(client, owner, meeting5, kickoff):
    client.force_login(owner)
    html = client.get(reverse("programme:meeting", args=[meeting5.pk])).content.decode()
    assert reverse("programme:exercise_recommendations", args=[meeting5.pk]) in html
    html = client.get(reverse("programme:meeting", args=[kickoff.pk])).content.decode()
    assert "/exercise/" not in html
