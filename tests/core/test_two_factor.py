"""TOTP is available to everyone and required for facilitators when configured."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _login(client, user, password):
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302


def _open_totp_setup(client, password):
    """allauth asks for the password again before 2FA is changed; then the page opens."""
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302 and response.url.startswith(reverse("account_reauthenticate")):
        assert client.get(response.url).status_code == 200
        again = client.post(response.url, {"password": password})
        assert again.status_code == 302
        response = client.get(reverse("mfa_activate_totp"))
    return response


def test_facilitator_without_totp_is_sent_to_set_it_up(client, settings, facilitator, password):
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = True
    _login(client, facilitator, password)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # The setup page itself (after allauth's password re-check) stays reachable.
    setup = _open_totp_setup(client, password)
    assert setup.status_code == 200
    assert 'src="data:image/svg+xml' in setup.text  # the QR code, allowed by the CSP
    assert client.post(reverse("account_logout")).status_code == 302


def test_facilitator_with_totp_gets_through(client, settings, facilitator):
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = True
    Authenticator.objects.create(user=facilitator, type=Authenticator.Type.TOTP, data={})
    client.force_login(facilitator)
    assert client.get(reverse("dashboard")).status_code == 200


def test_other_roles_are_not_forced(client, settings, smv_owner, password):
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = True
    _login(client, smv_owner, password)
    assert client.get(reverse("dashboard")).status_code == 200
    # ...but they can turn TOTP on.
    assert _open_totp_setup(client, password).status_code == 200


def test_staff_without_totp_are_sent_to_set_it_up(client, settings):
    from tests.factories import UserFactory

    settings.BIFROST_REQUIRE_FACILITATOR_2FA = True
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
