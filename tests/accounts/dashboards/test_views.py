"""Each role lands on its own dashboard; the navigation follows the role. What the
panels show is in test_owner.py, test_advisor.py and test_facilitator.py."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make_user", "template", "marker"),
    [
        (factories.smv_owner, "accounts/dashboards/smv_owner.html", 'id="panel-next-meeting"'),
        (factories.advisor, "accounts/dashboards/advisor.html", 'id="panel-cases"'),
        (
            factories.facilitator,
            "accounts/dashboards/facilitator.html",
            'id="panel-programme-meetings"',
        ),
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


def test_user_without_role_sees_an_explanation(client, english):
    user = factories.UserFactory()
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert "accounts/dashboards/no_role.html" in [t.name for t in response.templates]
    # Panels for people without a role (advice requests) show only when they have some.
    assert response.context["panels"] == []
    assert "no role in the programme yet" in response.content.decode()


def test_the_dashboard_is_never_cached(client, smv_owner):
    client.force_login(smv_owner)
    response = client.get(reverse("dashboard"))
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("make_user", "keys"),
    [
        (
            factories.smv_owner,
            ["programme.next_meeting", "matching.tasks", "news", "logbook.glance", "matching.case"],
        ),
        (factories.advisor, ["matching.cases"]),
        (
            factories.facilitator,
            [
                "programme.next_meetings",
                "matching.draft_runs",
                "programme.evaluation",
                "failed_exports",
                "invitations",
            ],
        ),
    ],
    ids=["smv_owner", "advisor", "facilitator"],
)
def test_each_role_gets_its_panels_in_order(client, make_user, keys):
    """The apps register their panels at start-up; each role sees only its own."""
    client.force_login(make_user())
    response = client.get(reverse("dashboard"))
    assert [panel.key for panel in response.context["panels"]] == keys


def test_facilitator_dashboard_counts_organisations(client, facilitator):
    factories.OrganisationFactory.create_batch(3)
    client.force_login(facilitator)
    response = client.get(reverse("dashboard"))
    assert response.context["organisation_counts"]["company"] == 3
    assert response.context["organisation_counts"]["facilitator_org"] == 1


def test_facilitator_sees_the_invitations_waiting(client, facilitator, english):
    invitation = factories.InvitationFactory(email="venter@example.test")
    client.force_login(facilitator)
    html = client.get(reverse("dashboard")).text
    assert "venter@example.test" in html
    assert reverse("organisation_detail", args=[invitation.organisation_id]) in html


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


def test_current_section_is_marked_in_the_navigation(client, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("organisation_list")).text
    link = f'class="nav-link active" aria-current="page" href="{reverse("organisation_list")}"'
    assert link in html
    assert html.count('aria-current="page"') == 1
