"""The public privacy notice (written from docs/privacy.md)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_privacy_notice_is_public(client):
    response = client.get(reverse("accounts:privacy"))
    assert response.status_code == 200
    assert "accounts/privacy/notice.html" in [t.name for t in response.templates]


def test_the_notice_says_what_is_stored_who_sees_it_consent_and_how_long(client, english):
    html = client.get(reverse("accounts:privacy")).content.decode()
    for heading in (
        "Who is responsible",
        "What we store, and who sees it",
        "The logbook and the company's consent",
        "How long we keep it",
        "Your rights",
    ):
        assert heading in html
    assert f'href="{reverse("accounts:personal_data")}"' in html
    assert f'href="{reverse("accounts:account_delete")}"' in html


def test_the_notice_follows_the_access_log_retention_setting(client, english, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 365
    html = client.get(reverse("accounts:privacy")).content.decode()
    assert "The access log: 365 days" in html
