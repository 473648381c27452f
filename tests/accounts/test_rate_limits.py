"""allauth's built-in rate limits, counted in the Redis cache."""

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_repeated_failed_logins_lock_the_account_for_a_while(client, smv_owner, password):
    url = reverse("account_login")
    for _attempt in range(5):
        response = client.post(url, {"login": smv_owner.email, "password": "forkert"})
        assert response.status_code == 200
    # Now even the right password is refused until the window has passed.
    response = client.post(url, {"login": smv_owner.email, "password": password})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    expected = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
    assert expected in response.context["form"].non_field_errors()


def test_password_reset_is_rate_limited_and_never_reveals_unknown_accounts(
    client, smv_owner, django_capture_on_commit_callbacks
):
    url = reverse("account_reset_password")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        unknown = client.post(url, {"email": "ukendt@example.test"})
        known = client.post(url, {"email": smv_owner.email})
    # Same answer for known and unknown addresses; mail only to the real account.
    assert unknown.status_code == known.status_code == 302
    assert [m.to for m in mail.outbox] == [[smv_owner.email]]
    statuses = [client.post(url, {"email": smv_owner.email}).status_code for _ in range(6)]
    assert 429 in statuses
