"""Organisations: facilitators manage them; members see their own; others get 404."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_member_sees_own_organisation_but_not_another(client, smv_owner):
    own = smv_owner.memberships.get().organisation
    other = factories.OrganisationFactory()
    client.force_login(smv_owner)
    assert client.get(reverse("organisation_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("organisation_detail", args=[other.pk])).status_code == 404
    # A missing id and a forbidden id look the same.
    assert client.get(reverse("organisation_detail", args=[999999])).status_code == 404


def test_member_does_not_see_invitations_of_own_organisation(client, smv_owner, facilitator):
    own = smv_owner.memberships.get().organisation
    factories.InvitationFactory(organisation=own, email="hemmelig@example.test")
    client.force_login(smv_owner)
    response = client.get(reverse("organisation_detail", args=[own.pk]))
    assert "hemmelig@example.test" not in response.text


@pytest.mark.parametrize("make_user", [factories.smv_owner, factories.advisor])
def test_only_facilitators_manage_organisations(client, make_user):
    client.force_login(make_user())
    assert client.get(reverse("organisation_list")).status_code == 404
    assert client.get(reverse("organisation_create")).status_code == 404
    response = client.post(
        reverse("organisation_create"),
        {"name": "Snyd", "kind": "advisory_unit"},
    )
    assert response.status_code == 404


def test_facilitator_creates_a_company_and_bad_cvr_keeps_the_input(client, facilitator):
    client.force_login(facilitator)
    data = {
        "name": "Nyt Firma ApS",
        "kind": "company",
        "cvr": "11234568",
        "industry": "media",
        "size_band": "1-9",
        "region": "hovedstaden",
    }
    response = client.post(reverse("organisation_create"), data)
    assert response.status_code == 200
    assert "cvr" in response.context["form"].errors
    assert 'value="Nyt Firma ApS"' in response.text
    data["cvr"] = "1123 4569"  # spaces are forgiven
    response = client.post(reverse("organisation_create"), data)
    assert response.status_code == 302


def test_organisation_list_is_paginated_with_a_fixed_number_of_queries(
    client, facilitator, django_assert_max_num_queries
):
    client.force_login(facilitator)
    factories.OrganisationFactory.create_batch(10)
    with django_assert_max_num_queries(8) as small:
        client.get(reverse("organisation_list"))
    factories.OrganisationFactory.create_batch(190)
    with django_assert_max_num_queries(8) as large:
        response = client.get(reverse("organisation_list"))
    assert len(small.captured_queries) == len(large.captured_queries)
    assert response.context["page"].paginator.num_pages == 9  # 201 organisations / 25


def test_organisation_detail_queries_do_not_grow_with_members(
    client, facilitator, django_assert_max_num_queries
):
    company = factories.OrganisationFactory()
    factories.MembershipFactory.create_batch(3, organisation=company)
    client.force_login(facilitator)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("organisation_detail", args=[company.pk]))
    factories.MembershipFactory.create_batch(20, organisation=company)
    factories.InvitationFactory.create_batch(20, organisation=company)
    with django_assert_max_num_queries(12) as many:
        client.get(reverse("organisation_detail", args=[company.pk]))
    assert len(few.captured_queries) == len(many.captured_queries)
