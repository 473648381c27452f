"""Logging in (allauth), the admin behind the same login, the account pages."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_wrong_password_keeps_the_email_and_says_so(client):
    user = factories.smv_owner()
    response = client.post(reverse("account_login"), {"login": user.email, "password": "forkert"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert user.email in response.text


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


def test_account_pages_link_to_two_factor_setup(client, smv_owner):
    """TOTP is offered to everyone: the account pages link to it."""
    client.force_login(smv_owner)
    html = client.get(reverse("account_email")).text
    assert f'href="{reverse("mfa_index")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html


def test_an_email_address_longer_than_its_column_is_refused_on_the_form(client, smv_owner):
    """Django's e-mail field takes 320 characters, allauth's address column 254: adding
    a longer address answered 500 (found by tests/security/test_form_fuzz.py)."""
    client.force_login(smv_owner)
    address = "x" * 241 + "@example.test"  # 254 characters: still allowed
    response = client.post(reverse("account_email"), {"action_add": "", "email": "y" + address})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not EmailAddress.objects.filter(email__startswith="yx").exists()
    response = client.post(reverse("account_email"), {"action_add": "", "email": address})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email=address).exists()
