"""Every page sends a strict CSP; pages for logged-in people are never stored."""

import re

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "front_page",
    "knowledge:landing",
    "account_login",
    "account_reset_password",
    "healthz",
]
PRIVATE_PAGES = [
    "dashboard",
    "programme:landing",
    "matching:landing",
    "logbook:landing",
    "organisation_list",
    "organisation_create",
    "account_email",
    "mfa_index",
]


def _script_src(response) -> str:
    header = response.headers["Content-Security-Policy"]
    match = re.search(r"script-src ([^;]*)", header)
    assert match, header
    return match.group(1)


def _assert_strict_csp(response):
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no CSP on {response.request['PATH_INFO']}"
    assert "'unsafe-inline'" not in _script_src(response)
    assert "'unsafe-eval'" not in header
    assert "default-src 'self'" in header
    assert "frame-ancestors 'none'" in header


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_send_csp_without_unsafe_inline(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    _assert_strict_csp(response)


@pytest.mark.parametrize("name", PRIVATE_PAGES)
def test_private_pages_send_csp_and_no_store(client, facilitator, name):
    client.force_login(facilitator)
    response = client.get(reverse(name))
    assert response.status_code == 200, name
    _assert_strict_csp(response)
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]


def test_organisation_page_sends_no_store(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("organisation_detail", args=[OrganisationFactory().pk]))
    assert "no-store" in response.headers["Cache-Control"]


def test_public_page_for_anonymous_is_not_marked_no_store(client):
    response = client.get(reverse("front_page"))
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_no_inline_script_or_style_attribute_in_rendered_pages(client, facilitator):
    client.force_login(facilitator)
    for name in ["front_page", "dashboard", "organisation_list", "account_email"]:
        html = client.get(reverse(name)).text
        assert " style=" not in html, name
        for tag in re.findall(r"<script[^>]*>", html):
            # JSON data blocks are not executed; anything else must be an external file.
            is_data = 'type="application/json"' in tag
            assert is_data or "src=" in tag, f"inline script on {name}: {tag}"


def test_clickjacking_and_sniffing_protection(client):
    response = client.get(reverse("front_page"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
