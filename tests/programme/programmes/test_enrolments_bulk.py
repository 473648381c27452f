"""Enrolling several organisations at once: companies and advisory units listed
apart, the enrolled ones shown as such, idempotent, facilitators only."""

import pytest
from django.urls import reverse

from programme.models import Enrolment
from programme.programmes import services
from tests import factories

pytestmark = pytest.mark.django_db


def _url(programme):
    return reverse("programme:enrolments", args=[programme.pk])


def test_companies_and_units_are_listed_apart_and_enrolled_ones_marked(
    client, facilitator, programme, company, unit, english
):
    new_company = factories.OrganisationFactory(name="Ny Virksomhed ApS")
    new_unit = factories.AdvisoryUnitFactory(name="Ny Rådgiver")
    facilitators = factories.FacilitatorOrgFactory(name="Facilitatorerne")
    client.force_login(facilitator)
    page = client.get(_url(programme)).text
    page = page[page.index('id="enrol-form"') :]
    companies = page[page.index('id="enrol-companies"') : page.index('id="enrol-advisory_units"')]
    units = page[page.index('id="enrol-advisory_units"') : page.index("</form>")]
    assert "Ny Virksomhed ApS" in companies and "Ny Rådgiver" not in companies
    assert "Ny Rådgiver" in units and "Ny Virksomhed ApS" not in units
    assert facilitators.name not in page[: page.index("</form>")]
    # The enrolled company: ticked, disabled, said so, and not submitted.
    row = companies[companies.index(f'id="id_companies_{company.pk}"') - 60 :]
    row = row[: row.index("</div>")]
    assert "checked disabled" in row and "already enrolled" in row
    assert f'value="{company.pk}"' not in row
    assert f'name="companies" value="{new_company.pk}"' in companies
    assert f'name="advisory_units" value="{new_unit.pk}"' in units


def test_several_are_enrolled_at_once(client, facilitator, programme, english):
    companies = [factories.OrganisationFactory() for _ in range(2)]
    unit = factories.AdvisoryUnitFactory()
    client.force_login(facilitator)
    response = client.post(
        _url(programme),
        {"companies": [c.pk for c in companies], "advisory_units": [unit.pk]},
        follow=True,
    )
    assert "3 organisations are now enrolled" in response.text
    enrolled = set(programme.enrolments.values_list("organisation_id", flat=True))
    assert enrolled >= {companies[0].pk, companies[1].pk, unit.pk}


def test_enrolling_again_changes_nothing_and_says_so(
    client, facilitator, programme, company, english
):
    client.force_login(facilitator)
    before = Enrolment.objects.get(programme=programme, organisation=company)
    response = client.post(_url(programme), {"companies": [company.pk]}, follow=True)
    assert response.status_code == 200
    assert f"{company.name} was enrolled already." in response.text
    after = Enrolment.objects.get(programme=programme, organisation=company)
    assert (after.pk, after.enrolled_at) == (before.pk, before.enrolled_at)


def test_an_organisation_that_left_comes_back(programme, company):
    enrolment = company.enrolments.get()
    services.enrolment_end(enrolment=enrolment)
    result = services.enrolments_add(programme=programme, organisations=[company, company])
    assert result.enrolled == [company]
    enrolment.refresh_from_db()
    assert enrolment.left_at is None


def test_nothing_ticked_or_a_facilitator_org_is_a_form_error(
    client, facilitator, programme, english
):
    client.force_login(facilitator)
    empty = client.post(_url(programme), {})
    assert empty.status_code == 200
    assert "Choose at least one company or advisory unit." in empty.text
    facilitators = facilitator.memberships.get().organisation
    wrong = client.post(_url(programme), {"advisory_units": [facilitators.pk]})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["advisory_units"]
    assert not programme.enrolments.filter(organisation=facilitators).exists()


def test_a_bad_choice_enrols_none_of_the_others(client, facilitator, programme):
    good = factories.OrganisationFactory()
    client.force_login(facilitator)
    client.post(_url(programme), {"companies": [good.pk, 999999]})
    assert not programme.enrolments.filter(organisation=good).exists()


def test_participants_get_404(client, programme, owner):
    client.force_login(owner)
    other = factories.OrganisationFactory()
    assert client.get(_url(programme)).status_code == 404
    assert client.post(_url(programme), {"companies": [other.pk]}).status_code == 404
    assert not programme.enrolments.filter(organisation=other).exists()
