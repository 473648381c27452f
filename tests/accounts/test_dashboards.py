"""Each role lands on its own dashboard; others get 404 for what is not theirs."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make_user", "template", "marker"),
    [
        (factories.smv_owner, "accounts/dashboard_smv_owner.html", 'id="card-logbook"'),
        (factories.advisor, "accounts/dashboard_advisor.html", 'id="card-cases"'),
        (factories.facilitator, "accounts/dashboard_facilitator.html", 'id="stats-title"'),
    ],
)
def test_login_lands_on_the_dashboard_of_the_role(client, password, make_user, template, marker):
    user = make_user()
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    dashboard = client.get(response.url)
    assert dashboard.status_code == 200
    assert template in [t.name for t in dashboard.templates]
    assert marker in dashboard.text


def test_dashboard_requires_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_user_without_role_sees_an_explanation(client):
    user = factories.UserFactory()
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert "accounts/dashboard_no_role.html" in [t.name for t in response.templates]


def test_wrong_password_keeps_the_email_and_says_so(client):
    user = factories.smv_owner()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "forkert"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert user.email in response.text


def test_facilitator_dashboard_counts_organisations(client, facilitator):
    factories.OrganisationFactory.create_batch(3)
    client.force_login(facilitator)
    response = client.get(reverse("dashboard"))
    assert response.context["organisation_counts"]["company"] == 3
    assert response.context["organisation_counts"]["facilitator_org"] == 1


def test_navigation_is_role_aware(client, smv_owner, facilitator):
    client.force_login(smv_owner)
    html = client.get(reverse("dashboard")).text
    assert f'href="{reverse("logbook:landing")}"' in html
    assert f'href="{reverse("organisation_list")}"' not in html
    client.force_login(facilitator)
    html = client.get(reverse("dashboard")).text
    assert f'href="{reverse("organisation_list")}"' in html
    assert f'href="{reverse("matching:landing")}"' in html


@pytest.mark.parametrize("name", ["programme:landing", "matching:landing", "logbook:landing"])
def test_domain_landing_pages_need_login_and_a_role(client, name):
    assert client.get(reverse(name)).status_code == 302  # to login
    client.force_login(factories.UserFactory())  # logged in, but no role
    assert client.get(reverse(name)).status_code == 404
    client.force_login(factories.smv_owner())
    assert client.get(reverse(name)).status_code == 200


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


def test_admin_is_for_staff_only(client, facilitator):
    client.force_login(facilitator)
    response = client.get("/admin/")
    # Facilitators are not staff: the admin stays closed to them.
    assert response.status_code in (302, 403)
    assert not facilitator.is_staff and not facilitator.is_superuser
    login = client.get("/admin/login/")
    assert login.status_code == 403
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_admin_login_goes_through_allauth_with_its_rate_limits(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_current_section_is_marked_in_the_navigation(client, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("organisation_list")).text
    link = f'class="nav-link active" aria-current="page" href="{reverse("organisation_list")}"'
    assert link in html
    assert html.count('aria-current="page"') == 1


def test_account_pages_link_to_two_factor_setup(client, smv_owner):
    """TOTP is offered to everyone: the account pages link to it."""
    client.force_login(smv_owner)
    html = client.get(reverse("account_email")).text
    assert f'href="{reverse("mfa_index")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html
