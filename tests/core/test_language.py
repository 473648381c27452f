import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_danish_is_the_default_even_if_the_browser_prefers_english(client):
    response = client.get(reverse("front_page"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.headers["Content-Language"] == "da"
    assert '<html lang="da">' in response.text
    assert "Gå til hovedindhold" in response.text


def test_switching_to_english_and_back(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("front_page")}
    )
    assert response.status_code == 302
    assert response.url == reverse("front_page")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    english = client.get(reverse("front_page"))
    assert '<html lang="en">' in english.text
    assert "Skip to main content" in english.text
    # The choice sticks on other pages too.
    assert '<html lang="en">' in client.get(reverse("account_login")).text

    client.post(reverse("set_language"), {"language": "da", "next": "/"})
    assert '<html lang="da">' in client.get(reverse("front_page")).text


def test_unknown_language_falls_back_to_danish(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="da">' in client.get(reverse("front_page")).text


def test_language_switch_does_not_redirect_to_other_sites(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response.url


def test_logged_in_pages_are_translated_too(client, smv_owner):
    client.force_login(smv_owner)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Logbook" in client.get(reverse("dashboard")).text
    client.post(reverse("set_language"), {"language": "da", "next": "/"})
    assert "Logbog" in client.get(reverse("dashboard")).text
