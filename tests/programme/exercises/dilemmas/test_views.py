"""Dilemma workshop pages: a company chooses and concretises a dilemma, the
facilitator makes and records a play from the programme's own choices."""

from datetime import date

import pytest
from django.urls import reverse

from programme.exercises import selectors as exercise_selectors
from programme.models import DilemmaChoice, Scenario
from programme.programmes import services as programme_services
from tests import factories

pytestmark = pytest.mark.django_db


def test_company_chooses_and_concretises_a_dilemma(client, owner, company, meeting, catalogue):
    client.force_login(owner)
    url = reverse("programme:exercise_dilemmas", args=[meeting.pk])
    response = client.post(
        url, {"dilemma": catalogue[2].pk, "concrete_description": "Julesalget er vores højsæson."}
    )
    assert response.status_code == 302
    response = client.post(
        url, {"dilemma": catalogue[2].pk, "concrete_description": "Og påsken med."}
    )
    choice = DilemmaChoice.objects.get()
    assert (choice.company, choice.dilemma, choice.concrete_description) == (
        company,
        catalogue[2],
        "Og påsken med.",
    )
    html = client.get(url).content.decode()
    assert "Og påsken med." in html and company.name in html


def test_invalid_dilemma_choice_keeps_the_description(client, owner, meeting, catalogue):
    client.force_login(owner)
    response = client.post(
        reverse("programme:exercise_dilemmas", args=[meeting.pk]),
        {"dilemma": "", "concrete_description": "Vores egen situation"},
    )
    assert response.status_code == 200
    assert "dilemma" in response.context["form"].errors
    assert "Vores egen situation" in response.content.decode()
    assert not DilemmaChoice.objects.exists()


def test_facilitator_makes_a_play_and_records_how_it_went(
    client, facilitator, owner, meeting, meeting4, choice, programme, english
):
    client.force_login(facilitator)
    response = client.post(
        reverse("programme:scenario_create", args=[meeting4.pk, choice.pk]),
        {"title": "Natredaktøren", "script": "To roller: leder og redaktør."},
    )
    assert response.status_code == 302
    scenario = Scenario.objects.get()
    assert (scenario.choice, scenario.meeting) == (choice, meeting4)
    url = reverse("programme:scenario_edit", args=[scenario.pk])
    response = client.post(
        url,
        {
            "title": "Natredaktøren",
            "script": "To roller: leder og redaktør.",
            "played_at": "2027-09-15",
            "outcome": "Salen genkendte situationen.",
            "adjustments": "",
        },
    )
    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.played_at == date(2027, 9, 15)

    response = client.post(url, {"title": "", "script": "Ny scene", "played_at": "not a date"})
    assert response.status_code == 200
    assert "Ny scene" in response.content.decode()

    progress = exercise_selectors.exercise_progress(programme)
    assert progress[meeting.pk] == "1 dilemma chosen, 0 scenarios played"
    assert progress[meeting4.pk] == "0 dilemmas chosen, 1 scenario played"

    client.force_login(owner)
    html = client.get(reverse("programme:exercise_dilemmas", args=[meeting4.pk])).content.decode()
    assert "Salen genkendte situationen." in html


def test_a_play_is_made_only_from_the_programmes_own_choices(
    client, facilitator, meeting, catalogue
):
    other = factories.OrganisationFactory()
    programme2 = programme_services.programme_create_from_template(
        name="Andet forløb",
        description="",
        starts_on=date(2028, 5, 1),
        ends_on=date(2028, 11, 24),
        user=facilitator,
    )
    foreign = DilemmaChoice.objects.create(
        meeting=programme2.meetings.get(number=2),
        company=other,
        dilemma=catalogue[0],
        concrete_description="x",
    )
    client.force_login(facilitator)
    url = reverse("programme:scenario_create", args=[meeting.pk, foreign.pk])
    assert client.get(url).status_code == 404
