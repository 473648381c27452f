"""Recommendations: endorsing is a toggle, merging moves endorsements and comments
without counting anyone twice."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programme.exercises import selectors as exercise_selectors
from programme.exercises.recommendations import selectors, services
from programme.models import Endorsement, RecommendationComment
from tests import factories

pytestmark = pytest.mark.django_db


def test_endorsement_is_a_toggle_and_unique_per_person(recommendation, enrolled_advisor):
    assert services.recommendation_endorse_toggle(
        recommendation=recommendation, user=enrolled_advisor
    )
    assert Endorsement.objects.count() == 1
    assert not services.recommendation_endorse_toggle(
        recommendation=recommendation, user=enrolled_advisor
    )
    assert Endorsement.objects.count() == 0
    Endorsement.objects.create(recommendation=recommendation, user=enrolled_advisor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Endorsement.objects.create(recommendation=recommendation, user=enrolled_advisor)


def test_merge_moves_endorsements_without_counting_anyone_twice(
    meeting5, owner, programme, english
):
    people = [factories.smv_owner(organisation=owner.memberships.get().organisation) for _ in "abc"]
    a = services.recommendation_propose(meeting=meeting5, author=owner, text="Mød dem lokalt")
    b = services.recommendation_propose(meeting=meeting5, author=owner, text="Mød dem på stedet")
    c = services.recommendation_propose(meeting=meeting5, author=owner, text="Besøg dem")
    for rec, users in [(a, people[:2]), (b, people[1:]), (c, [owner])]:
        for user in users:
            services.recommendation_endorse_toggle(recommendation=rec, user=user)
    services.recommendation_publish(recommendation=b, published=True)
    services.recommendation_merge(source=c, target=b)
    services.recommendation_merge(source=b, target=a)

    a.refresh_from_db(), b.refresh_from_db(), c.refresh_from_db()
    assert b.merged_into == a and b.published_at is None
    assert c.merged_into == a  # follows the chain
    assert set(a.endorsements.values_list("user", flat=True)) == {p.pk for p in people} | {owner.pk}
    assert not b.endorsements.exists() and not c.endorsements.exists()
    board = selectors.recommendations_board(meeting5, owner)
    assert [(r.pk, r.endorsement_count) for r in board] == [(a.pk, 4)]
    assert {r.pk for r in board[0].merged.all()} == {b.pk, c.pk}
    progress = exercise_selectors.exercise_progress(programme)
    assert progress[meeting5.pk] == ("1 recommendation, 0 published")

    with pytest.raises(ValidationError):
        services.recommendation_endorse_toggle(recommendation=b, user=owner)
    with pytest.raises(ValidationError):
        services.recommendation_merge(source=a, target=a)
    with pytest.raises(ValidationError):
        services.recommendation_merge(source=a, target=b)
    with pytest.raises(ValidationError):
        services.recommendation_publish(recommendation=b, published=True)


def test_merging_keeps_the_comments_and_merged_ones_take_no_more(
    programme, owner, enrolled_advisor
):
    meeting5 = programme.meetings.get(number=5)
    first = services.recommendation_propose(meeting=meeting5, author=owner, text="Besøg først")
    duplicate = services.recommendation_propose(
        meeting=meeting5, author=enrolled_advisor, text="Kom på besøg før forløbet"
    )
    services.recommendation_comment(
        recommendation=duplicate, author=owner, text="Enig, det gjorde en forskel"
    )
    services.recommendation_merge(source=duplicate, target=first)
    assert RecommendationComment.objects.get().recommendation_id == first.pk
    duplicate.refresh_from_db()
    with pytest.raises(ValidationError):
        services.recommendation_comment(recommendation=duplicate, author=owner, text="For sent")
