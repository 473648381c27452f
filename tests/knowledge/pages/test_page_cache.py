"""Whole public pages are cached for anonymous readers (bifrost.core.page_cache):
served without SQL, revalidated with ETags, refreshed at once by a publish,
never shared with or taken from a logged-in person."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from knowledge.editor import selectors, services

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_whole_without_sql(
    client, method, django_assert_num_queries
):
    url = method["principle"].get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "max-age=300" in second["Cache-Control"]
    assert second["ETag"] == first["ETag"]
    assert "Cookie" in second["Vary"]


def test_a_matching_etag_gets_304_without_a_body(client, method):
    url = reverse("front_page")
    etag = client.get(url)["ETag"]
    revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_publishing_shows_the_new_text_at_once_with_a_new_etag(
    client, facilitator, method, django_capture_on_commit_callbacks
):
    page = method["principle"]
    url = page.get_absolute_url()
    old_etag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        services.page_publish(
            page=page,
            content=selectors.content_of(page) | {"summary": "Ring samme uge."},
            user=facilitator,
        )
    fresh = client.get(url, HTTP_IF_NONE_MATCH=old_etag)
    assert fresh.status_code == 200
    assert "Ring samme uge." in fresh.text
    assert fresh["ETag"] != old_etag


def test_each_language_has_its_own_cached_page(client, method):
    url = reverse("front_page")
    assert '<html lang="da">' in client.get(url).text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en">' in client.get(url).text
    assert '<html lang="en">' in client.get(url).text  # the cached English one
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    assert '<html lang="da">' in client.get(url).text


def test_a_logged_in_person_neither_gets_nor_leaves_a_shared_page(client, facilitator, method):
    url = method["principle"].get_absolute_url()
    client.get(url)  # an anonymous copy is now cached
    client.force_login(facilitator)
    own = client.get(url)
    assert "public" not in own["Cache-Control"]
    assert "no-store" in own["Cache-Control"]
    assert "ETag" not in own
    assert "csrfmiddlewaretoken" in own.text  # the logout form: rendered for her
    assert own.content != Client().get(url).content
    anonymous = Client().get(url)
    assert "csrfmiddlewaretoken" not in anonymous.text
    assert facilitator.email not in anonymous.text


def test_a_visitor_with_a_session_sees_its_messages_not_the_cached_page(client, method, outsider):
    url = reverse("front_page")
    Client().get(url)  # cached without any message
    client.force_login(outsider)
    client.post(reverse("account_logout"))
    # allauth leaves "You have signed out." in the new anonymous session.
    after = client.get(url)
    assert settings.SESSION_COOKIE_NAME in client.cookies
    assert "ETag" not in after
    assert "Du er logget ud." in after.text
    assert "Du er logget ud." not in Client().get(url).text


def test_addresses_with_a_query_string_are_not_cached(client, method):
    response = client.get(reverse("front_page") + "?utm_source=x")
    assert response.status_code == 200
    assert "ETag" not in response


def test_anonymous_language_switch_works_from_a_cached_page_without_a_token(method):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(reverse("front_page"))
    assert "csrfmiddlewaretoken" not in page.text
    switched = browser.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert switched.status_code == 302
    assert browser.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_a_logged_in_language_switch_still_needs_its_token(outsider):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(outsider)
    refused = browser.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert refused.status_code == 403


def test_a_page_carrying_a_csrf_token_is_never_stored(rf):
    """A token belongs to one visitor's cookie: such a page is rendered every time."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from bifrost.core.page_cache import cache_public_page

    cache.set("test:version", 1)
    calls = []

    @cache_public_page(version_key="test:version")
    def view(request):
        calls.append(1)
        return HttpResponse(f"<form>{get_token(request)}</form>")

    for _ in range(2):
        request = rf.get("/with-a-form/")
        request.user = AnonymousUser()
        response = view(request)
        assert "ETag" not in response
    assert len(calls) == 2
