"""A repeated anonymous read of a public page is answered before sessions, CSRF,
authentication and the rest of the middleware run (bifrost.core.page_cache.
PublicPageMiddleware), with every header the full answer had, and never with
anything that belongs to one visitor."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from bifrost.core.page_cache import MARK, PublicPageMiddleware
from knowledge.editor import selectors, services

pytestmark = pytest.mark.django_db


def _read_twice(client, url):
    """The first read of an empty cache sets the content version, the second keeps the
    page (the view's cache and the whole response)."""
    client.get(url)
    return client.get(url)


def _answered_early(response) -> bool:
    # The session and authentication middleware never saw the request.
    return not hasattr(response.wsgi_request, "session") and not hasattr(
        response.wsgi_request, "user"
    )


def test_a_repeat_read_is_answered_early_with_the_same_page_and_headers(
    client, method, django_assert_num_queries
):
    url = method["principle"].get_absolute_url()
    first = _read_twice(client, url)
    assert not _answered_early(first)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert _answered_early(second)
    assert second.status_code == 200
    assert second.content == first.content
    assert dict(second.items()) == dict(first.items())
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert second[header] == first[header]
    assert "Cookie" in second["Vary"] and "public" in second["Cache-Control"]


def test_a_matching_etag_gets_304_early(client, method):
    url = reverse("front_page")
    etag = _read_twice(client, url)["ETag"]
    revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert _answered_early(revalidated)
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated["ETag"] == etag
    other = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other.content


def test_a_publish_shows_at_once(client, facilitator, method, django_capture_on_commit_callbacks):
    page = method["principle"]
    url = page.get_absolute_url()
    _read_twice(client, url)
    assert _answered_early(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        services.page_publish(
            page=page,
            content=selectors.content_of(page) | {"summary": "Ring samme uge."},
            user=facilitator,
        )
    fresh = client.get(url)
    assert not _answered_early(fresh)
    assert "Ring samme uge." in fresh.text
    assert "Ring samme uge." in client.get(url).text


def test_each_language_is_kept_apart(client, method):
    url = reverse("front_page")
    assert '<html lang="da">' in _read_twice(client, url).text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url)
    assert '<html lang="en">' in english.text and english["Content-Language"] == "en"
    again = client.get(url)
    assert _answered_early(again) and '<html lang="en">' in again.text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"  # unknown: the Danish page
    assert '<html lang="da">' in client.get(url).text


def test_a_signed_in_reader_is_never_answered_early(client, facilitator, method):
    url = method["principle"].get_absolute_url()
    _read_twice(Client(), url)
    client.force_login(facilitator)
    own = client.get(url)
    assert not _answered_early(own)
    assert "no-store" in own["Cache-Control"] and "ETag" not in own


def test_a_query_string_or_an_htmx_request_goes_the_whole_way(client, method):
    url = reverse("front_page")
    _read_twice(client, url)
    assert not _answered_early(client.get(url + "?utm_source=x"))
    assert not _answered_early(client.get(url, HTTP_HX_REQUEST="true"))
    assert not _answered_early(client.head(url))


def test_nothing_is_kept_when_a_later_middleware_set_a_cookie(rf):
    cache.set("test:whole-version", 1)

    def answer(request):
        response = HttpResponse("<p>offentlig</p>")
        setattr(response, MARK, ("test:whole-version", 1))
        response.set_cookie("someone", "theirs")
        return response

    calls = []
    middleware = PublicPageMiddleware(lambda request: calls.append(1) or answer(request))
    for _ in range(2):
        middleware(rf.get("/kept-or-not/"))
    assert len(calls) == 2  # built both times: the first answer was not kept


def test_an_unmarked_answer_is_never_kept(rf):
    calls = []
    middleware = PublicPageMiddleware(lambda request: calls.append(1) or HttpResponse("privat"))
    for _ in range(2):
        middleware(rf.get("/not-public/"))
    assert len(calls) == 2
