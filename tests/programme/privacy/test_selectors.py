"""The programme section of a person's download: their own contributions only."""

import pytest

from bifrost.core import personal_data
from programme.models import Assumption, Endorsement, Recommendation
from tests import factories

pytestmark = pytest.mark.django_db


def test_own_anonymous_assumptions_are_included_and_nobody_elses(meeting, owner, company):
    colleague = factories.smv_owner(organisation=company)
    side = Assumption.Side.SMVS
    Assumption.objects.create(meeting=meeting, author=owner, side=side, text="Mine", anonymous=True)
    Assumption.objects.create(meeting=meeting, author=colleague, side=side, text="NOT MINE")
    exercises = personal_data.collect(owner)["sections"]["programme"]["exercises"]
    assert [(a["text"], a["anonymous"]) for a in exercises["assumptions"]] == [("Mine", True)]
    assert "NOT MINE" not in str(exercises)


def test_an_endorsement_names_the_recommendation_not_its_text(meeting, owner, company):
    colleague = factories.smv_owner(organisation=company)
    theirs = Recommendation.objects.create(meeting=meeting, author=colleague, text="THEIR TEXT")
    Endorsement.objects.create(recommendation=theirs, user=owner)
    exercises = personal_data.collect(owner)["sections"]["programme"]["exercises"]
    assert [e["recommendation_id"] for e in exercises["endorsements"]] == [theirs.pk]
    assert "THEIR TEXT" not in str(exercises)


def test_a_calendar_feed_is_listed_without_its_secret(owner):
    from programme.models import CalendarFeed

    CalendarFeed.objects.create(user=owner, token_hash=CalendarFeed.hash("s3cret"))
    programme = personal_data.collect(owner)["sections"]["programme"]
    assert list(programme["calendar_feeds"][0]) == ["created_at", "revoked_at"]
    assert CalendarFeed.hash("s3cret") not in str(programme)
