"""The exercise meetings of the programme, named participants, and an entry of each
exercise (a chosen dilemma, a recommendation, a principle).

`owner` and `enrolled_advisor` are the shared ones (same people, same company and
unit), only given fixed names here for the anonymity checks."""

import pytest

from programme.exercises.dilemmas import services as dilemma_services
from programme.exercises.evaluation import services as evaluation_services
from programme.exercises.recommendations import services as recommendation_services
from programme.models import Dilemma


@pytest.fixture
def meeting1(programme):
    return programme.meetings.get(number=1)


@pytest.fixture
def meeting4(programme):
    return programme.meetings.get(number=4)


@pytest.fixture
def meeting5(programme):
    return programme.meetings.get(number=5)


@pytest.fixture
def meeting6(programme):
    return programme.meetings.get(number=6)


@pytest.fixture
def owner(owner):
    """The shared `owner` (tests/fixtures/programme.py), with a name of its own, so
    that "the author's name is not on the page" looks for a distinctive string."""
    owner.full_name = "Birthe Skjultvedsen"
    owner.save()
    return owner


@pytest.fixture
def enrolled_advisor(enrolled_advisor):
    """The shared `enrolled_advisor`, with a name of its own (see `owner`)."""
    enrolled_advisor.full_name = "Rasmus Synligsen"
    enrolled_advisor.save()
    return enrolled_advisor


@pytest.fixture
def catalogue(db):
    dilemma_services.dilemma_seed_catalogue()
    return list(Dilemma.objects.order_by("position"))


@pytest.fixture
def choice(meeting, company, owner, catalogue):
    choice, _created = dilemma_services.dilemma_choose(
        meeting=meeting,
        company=company,
        dilemma=catalogue[0],
        concrete_description="En redaktør arbejder om natten og siger, at det går.",
        user=owner,
    )
    return choice


@pytest.fixture
def recommendation(meeting5, owner):
    return recommendation_services.recommendation_propose(
        meeting=meeting5, author=owner, text="Start med et kort møde på virksomheden."
    )


@pytest.fixture
def principle(meeting6, facilitator):
    return evaluation_services.principle_add(
        meeting=meeting6, user=facilitator, kind="principle", title="Små skridt", description=""
    )
