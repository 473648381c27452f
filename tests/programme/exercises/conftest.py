"""The exercise meetings of the programme, named participants, and an entry of each
exercise (a chosen dilemma, a recommendation, a principle)."""

import pytest

from programme.exercises.dilemmas import services as dilemma_services
from programme.exercises.evaluation import services as evaluation_services
from programme.exercises.recommendations import services as recommendation_services
from programme.models import Dilemma
from tests import factories


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
def owner(company):
    user = factories.smv_owner(organisation=company)
    user.full_name = "Birthe Skjultvedsen"
    user.save()
    return user


@pytest.fixture
def enrolled_advisor(unit):
    user = factories.advisor(organisation=unit)
    user.full_name = "Rasmus Synligsen"
    user.save()
    return user


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
