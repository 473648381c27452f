"""Editing an organisation and removing a member: facilitators only (404 otherwise),
validated like creation, asked first, and the removed person loses access at once."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry, Membership, Organisation, Role
from bifrost.accounts.organisations import services
from programme.models import Enrolment
from programme.programmes.services import programme_create_from_template
from tests import factories
from tests.logbook.factories import LogbookFactory
from tests.matching.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _edit_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "cvr": organisation.cvr,
        "industry": organisation.industry,
        "size_band": organisation.size_band,
        "region": organisation.region,
    }
    return {**data, **changes}


def test_facilitator_edits_a_company_and_the_change_is_in_its_access_log(
    client, facilitator, english
):
    company = factories.OrganisationFactory(name="Gammelt Navn ApS")
    client.force_login(facilitator)
    url = reverse("organisation_edit", args=[company.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, _edit_data(company, name="Nyt Navn ApS", region="syddanmark"), follow=True
    )
    assert "Nyt Navn ApS was saved." in response.text
    company.refresh_from_db()
    assert (company.name, company.region) == ("Nyt Navn ApS", "syddanmark")
    row = AccessLogEntry.objects.get(organisation=company)
    assert (row.action, row.object_kind, row.user_id) == ("change", "organisation", facilitator.pk)


def test_a_bad_cvr_keeps_what_was_typed_and_the_kind_stays(client, facilitator, english):
    company = factories.OrganisationFactory(name="Fast ApS")
    client.force_login(facilitator)
    response = client.post(
        reverse("organisation_edit", args=[company.pk]),
        _edit_data(company, name="Skrevet Om ApS", cvr="12345678", kind="advisory_unit"),
    )
    assert response.status_code == 200
    assert 'value="Skrevet Om ApS"' in response.text
    assert response.context["form"].errors["cvr"]
    company.refresh_from_db()
    assert (company.name, company.kind) == ("Fast ApS", Organisation.Kind.COMPANY)


def test_a_cvr_of_another_company_is_a_form_error_not_a_crash(client, facilitator):
    taken = factories.OrganisationFactory()
    company = factories.OrganisationFactory()
    client.force_login(facilitator)
    response = client.post(
        reverse("organisation_edit", args=[company.pk]), _edit_data(company, cvr=taken.cvr)
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    company.refresh_from_db()
    assert company.cvr != taken.cvr


def test_an_advisory_unit_cannot_get_a_cvr(client, facilitator):
    unit = factories.AdvisoryUnitFactory()
    client.force_login(facilitator)
    response = client.post(
        reverse("organisation_edit", args=[unit.pk]), _edit_data(unit, cvr="11234568")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["cvr"]


@pytest.mark.parametrize("make_user", [factories.smv_owner, factories.advisor])
def test_members_cannot_edit_or_remove_even_in_their_own_organisation(client, make_user):
    person = make_user()
    membership = person.memberships.get()
    colleague = factories.MembershipFactory(
        organisation=membership.organisation, role=membership.role
    )
    client.force_login(person)
    edit = reverse("organisation_edit", args=[membership.organisation_id])
    remove = reverse("membership_remove", args=[colleague.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"name": "Snyd"}).status_code == 404
    assert client.get(remove).status_code == 404
    assert client.post(remove).status_code == 404
    assert Membership.objects.filter(pk=colleague.pk).exists()
    # The same 404 as an id that does not exist.
    assert client.get(reverse("membership_remove", args=[999999])).status_code == 404


def test_removing_asks_first_and_the_person_loses_access_at_once(
    client, facilitator, smv_owner, english
):
    membership = smv_owner.memberships.get()
    company = membership.organisation
    url = reverse("membership_remove", args=[membership.pk])
    client.force_login(facilitator)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert smv_owner.email in confirm.text
    assert "last member" in confirm.text  # nobody else is left in the company
    assert Membership.objects.filter(pk=membership.pk).exists()  # GET changes nothing

    response = client.post(url, follow=True)
    assert "is no longer a member of" in response.text
    assert not Membership.objects.filter(pk=membership.pk).exists()
    row = AccessLogEntry.objects.get(organisation=company, action="delete")
    assert (row.object_kind, row.object_id) == ("membership", membership.pk)

    client.force_login(smv_owner)
    assert client.get(reverse("organisation_detail", args=[company.pk])).status_code == 404


def test_a_removed_advisor_loses_their_case_and_the_shared_logbook(client, facilitator, english):
    programme = programme_create_from_template(
        name="Fjernet",
        description="",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )
    company = factories.OrganisationFactory()
    unit = factories.AdvisoryUnitFactory()
    for organisation in (company, unit):
        Enrolment.objects.create(programme=programme, organisation=organisation)
    advisor = factories.advisor(organisation=unit)
    case = CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit)
    logbook = LogbookFactory(programme=programme, company=company, share_with_advisor=True)
    assert advisor.has_perm("matching.view_case", case)
    assert advisor.has_perm("logbook.view_logbook", logbook)

    client.force_login(facilitator)
    client.post(reverse("membership_remove", args=[advisor.memberships.get().pk]))

    advisor = type(advisor).objects.get(pk=advisor.pk)  # a new request: no cached roles
    assert not advisor.has_perm("matching.view_case", case)
    assert not advisor.has_perm("logbook.view_logbook", logbook)
    client.force_login(advisor)
    assert client.get(reverse("matching:case_detail", args=[case.pk])).status_code == 404


def test_a_facilitator_cannot_remove_themselves(client, facilitator, english):
    own = facilitator.memberships.get()
    client.force_login(facilitator)
    page = client.get(reverse("organisation_detail", args=[own.organisation_id]))
    assert reverse("membership_remove", args=[own.pk]) not in page.text
    confirm = client.get(reverse("membership_remove", args=[own.pk]))
    assert "You cannot remove yourself" in confirm.text
    response = client.post(reverse("membership_remove", args=[own.pk]), follow=True)
    assert "You cannot remove yourself" in response.text
    assert Membership.objects.filter(pk=own.pk).exists()


def test_the_last_facilitator_stays(facilitator, english):
    staff = factories.UserFactory(is_staff=True)
    with pytest.raises(ValidationError, match="last facilitator"):
        services.membership_remove(membership=facilitator.memberships.get(), by=staff)
    other = factories.facilitator()
    services.membership_remove(membership=facilitator.memberships.get(), by=other)
    assert not Membership.objects.filter(user=facilitator, role=Role.FACILITATOR).exists()


def test_changes_by_the_companys_own_people_are_not_outsider_access(smv_owner):
    company = smv_owner.memberships.get().organisation
    services.organisation_update(organisation=company, by=smv_owner, name="Egen Ændring ApS")
    assert not AccessLogEntry.objects.filter(organisation=company).exists()
