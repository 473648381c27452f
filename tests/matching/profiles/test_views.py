"""Profile pages: who may fill them in, validation, self-assessment import; the landing
page per role; an advisor's drop-out."""

import pytest
from django.urls import reverse

from knowledge.models import RoleSelfAssessment
from matching.models import AdvisorProfile, Case, CompanyProfile
from matching.runs import services
from programme.models import Enrolment
from tests import factories

pytestmark = pytest.mark.usefixtures("english")


def company_url(programme, company):
    return reverse("matching:company_profile", args=[programme.pk, company.pk])


def advisor_url(programme):
    return reverse("matching:advisor_profile", args=[programme.pk])


def company_post(**overrides):
    data = {
        "industry": "media",
        "size_band": "10-49",
        "region": "hovedstaden",
        "rank_stresshaandtering": "2",
        "rank_ledersparring": "1",
        "preferred_role": "betroet-raadgiver",
        "meeting_format": "video",
        "months_available": ["5", "9"],
        "needs": "Hjælp til at tale om pres i teamet.",
    }
    data.update(overrides)
    return data


def test_company_form_is_prefilled_from_the_organisation(client, programme, company, owner):
    company.region = "syddanmark"
    company.save()
    client.force_login(owner)
    response = client.get(company_url(programme, company))
    assert response.status_code == 200
    assert response.context["form"].initial["region"] == "syddanmark"
    html = response.content.decode()
    # Each advisor role is explained with a link to its knowledge page.
    assert reverse("knowledge:page", args=["raadgiverrollen", "betroet-raadgiver"]) in html
    assert "Not relevant" in html


def test_company_profile_saves_a_ranked_list(client, programme, company, owner, unit):
    client.force_login(owner)
    response = client.post(company_url(programme, company), company_post(existing_units=[unit.pk]))
    assert response.status_code == 302
    profile = CompanyProfile.objects.get(programme=programme, company=company)
    assert profile.challenges == ["ledersparring", "stresshaandtering"]
    assert profile.months_available == [5, 9]
    assert profile.meeting_format == "video"
    assert list(profile.existing_units.all()) == [unit]
    assert profile.updated_by == owner


def test_duplicate_ranks_are_refused_and_input_kept(client, programme, company, owner):
    client.force_login(owner)
    response = client.post(
        company_url(programme, company), company_post(rank_stresshaandtering="1")
    )
    assert response.status_code == 200
    assert "Rank 1 is used for more than one challenge." in response.content.decode()
    assert response.context["form"].data["needs"] == "Hjælp til at tale om pres i teamet."
    assert not CompanyProfile.objects.exists()


def test_at_least_one_challenge_is_required(client, programme, company, owner):
    client.force_login(owner)
    response = client.post(
        company_url(programme, company),
        company_post(rank_stresshaandtering="", rank_ledersparring=""),
    )
    assert response.status_code == 200
    assert "Give at least one challenge a rank" in response.content.decode()


def test_only_enrolled_units_can_be_named_as_conflicts(client, programme, company, owner):
    stranger = factories.AdvisoryUnitFactory()
    client.force_login(owner)
    response = client.post(
        company_url(programme, company), company_post(existing_units=[stranger.pk])
    )
    assert response.status_code == 200
    assert "existing_units" in response.context["form"].errors


def test_company_profile_denials(client, programme, company, owner, enrolled_advisor, facilitator):
    url = company_url(programme, company)
    other_owner = factories.smv_owner()
    for user in (enrolled_advisor, facilitator, other_owner):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, company_post()).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # login first
    # A company that left the programme has no profile page there any more.
    Enrolment.objects.filter(organisation=company).update(left_at="2027-06-01T00:00:00Z")
    client.force_login(owner)
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("matching:company_profile", args=[programme.pk + 999, company.pk])
        ).status_code
        == 404
    )


def advisor_post(unit, **overrides):
    data = {
        "unit": unit.pk,
        "industries": ["media", "finance"],
        "regions": ["hovedstaden"],
        "meeting_format": "either",
        "capacity": "2",
        "competence_stresshaandtering": "strong",
        "competence_stress_i_teamsamarbejde": "some",
        "competence_stresspolitik": "none",
        "competence_tilbagevenden_efter_stresssygemelding": "none",
        "competence_stress_under_organisatoriske_forandringer": "some",
        "competence_ledersparring": "strong",
        "role_produktsaelgeren": "10",
        "role_eksperten": "40",
        "role_vaerdifuld_ressource": "70",
        "role_betroet_raadgiver": "90",
    }
    data.update(overrides)
    return data


def test_advisor_profile_saves(client, programme, unit, enrolled_advisor):
    client.force_login(enrolled_advisor)
    response = client.get(advisor_url(programme))
    assert response.status_code == 200
    assert reverse("knowledge:self_assessment") in response.content.decode()
    response = client.post(advisor_url(programme), advisor_post(unit))
    assert response.status_code == 302
    profile = AdvisorProfile.objects.get(programme=programme, advisor=enrolled_advisor)
    assert profile.unit == unit
    assert profile.capacity == 2
    assert profile.competences["stresshaandtering"] == "strong"
    assert profile.role_scores == {
        "produktsaelgeren": 10,
        "eksperten": 40,
        "vaerdifuld-ressource": 70,
        "betroet-raadgiver": 90,
    }


def test_advisor_percentages_are_validated(client, programme, unit, enrolled_advisor):
    client.force_login(enrolled_advisor)
    response = client.post(
        advisor_url(programme), advisor_post(unit, role_eksperten="140", capacity="30")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "role_eksperten" in errors and "capacity" in errors
    assert not AdvisorProfile.objects.exists()


def test_role_profile_from_latest_self_assessment(client, programme, unit, enrolled_advisor):
    RoleSelfAssessment.objects.create(
        user=enrolled_advisor,
        answers={},
        scores={
            "produktsaelgeren": 1.0,
            "eksperten": 3.0,
            "vaerdifuld-ressource": 4.0,
            "betroet-raadgiver": 5.0,
        },
    )
    client.force_login(enrolled_advisor)
    response = client.get(advisor_url(programme))
    assert "Take it from my latest self-assessment" in response.content.decode()
    response = client.post(advisor_url(programme), {**advisor_post(unit), "from_assessment": "1"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.data["role_eksperten"] == "50"
    assert form.data["role_betroet_raadgiver"] == "100"
    assert form.data["role_produktsaelgeren"] == "0"
    assert not AdvisorProfile.objects.exists()  # filled in, not saved yet


def test_advisor_profile_denials(client, programme, unit, owner, facilitator):
    url = advisor_url(programme)
    stranger = factories.advisor()  # an advisor whose unit is not enrolled
    for user in (owner, facilitator, stranger):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, advisor_post(unit)).status_code == 404


def test_advisor_cannot_pick_a_unit_of_someone_else(client, programme, unit, enrolled_advisor):
    other_unit = factories.AdvisoryUnitFactory()
    Enrolment.objects.create(programme=programme, organisation=other_unit)
    client.force_login(enrolled_advisor)
    response = client.post(advisor_url(programme), advisor_post(other_unit))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors


def test_company_must_choose_a_month(client, programme, company, owner):
    client.force_login(owner)
    data = company_post()
    del data["months_available"]
    response = client.post(company_url(programme, company), data)
    assert response.status_code == 200
    assert "Choose at least one month." in response.content.decode()


def test_advisor_may_leave_industries_and_regions_empty(client, programme, unit, enrolled_advisor):
    client.force_login(enrolled_advisor)
    data = advisor_post(unit, meeting_format="video")
    del data["industries"], data["regions"]
    assert client.post(advisor_url(programme), data).status_code == 302
    profile = AdvisorProfile.objects.get(advisor=enrolled_advisor)
    assert profile.industries == [] and profile.regions == []


# --- The landing page and drop-outs ------------------------------------------------


def test_landing_per_role(
    client, programme, facilitator, run, two_by_two, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.match_run_confirm(run=run, by=facilitator)
    client.force_login(facilitator)
    html = client.get(reverse("matching:landing")).content.decode()
    assert reverse("matching:programme", args=[programme.pk]) in html

    client.force_login(two_by_two["owner_a"])
    response = client.get(reverse("matching:landing"))
    row = response.context["company_rows"][0]
    assert row["has_profile"] and row["case"].advisor == two_by_two["x"]
    html = response.content.decode()
    assert reverse("matching:company_profile", args=[programme.pk, two_by_two["a"].pk]) in html
    case = Case.objects.get(company=two_by_two["a"])
    assert reverse("matching:case_detail", kwargs={"pk": case.pk}) in html

    client.force_login(two_by_two["x"])
    html = client.get(reverse("matching:landing")).content.decode()
    assert reverse("matching:advisor_profile", args=[programme.pk]) in html
    assert reverse("matching:case_dashboard") in html


def test_advisor_drop_out_closes_cases(
    client, programme, facilitator, run, two_by_two, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.match_run_confirm(run=run, by=facilitator)
    profile = two_by_two["x"].advisor_profiles.get()
    client.force_login(facilitator)
    url = reverse("matching:advisor_withdraw", args=[profile.pk])
    response = client.get(url)
    assert "A" in [c.company.name for c in response.context["active"]]
    assert client.post(url).status_code == 302
    profile.refresh_from_db()
    assert profile.withdrawn_at is not None
    assert Case.objects.get(company=two_by_two["a"]).status == Case.Status.CLOSED
