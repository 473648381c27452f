"""Whole public pages, cached for anonymous readers.

A public page is the same for every anonymous reader of one language, so the
rendered response is stored once per path and language, with the content
version it was rendered at, and served without running the view or its
templates while that version is current. Publishing bumps the version, so the
next request renders afresh: there is no stale window.

Only a request that cannot carry anything personal is served from or stored in
the cache: GET/HEAD, no query string, no session cookie (messages such as
"You have signed out" live in the session) and not logged in. A response is
stored only when it is a plain 200 that set no cookie and used no CSRF token,
so no other person's token or session can end up in it. Such responses are
marked `Cache-Control: public` with an ETag, so browsers revalidate with
If-None-Match (→ 304) and a reverse proxy or CDN may keep them for `max_age`.

`PublicPageMiddleware`, placed right after the security and static-file middleware,
answers a repeat of such a request before sessions, CSRF, authentication, messages
and the rest run at all (they cost more than the page itself): it keeps the whole
response as the inner middleware finished it (every header: CSP, Vary,
Content-Language, X-Frame-Options …) next to the view's content version, and
replays it while that version is current. It only ever keeps what the decorator
marked as a shared public page, and only when nothing after the view set a cookie.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from bifrost.core.http import language_of, with_headers

KEY_PREFIX = "page"
PUBLIC_MAX_AGE = 5 * 60
# A page not asked for in a day leaves Redis (a newer version overwrites it anyway).
STORE_FOR = 24 * 60 * 60


# Set on a response the decorator found shareable: (version key, version it holds).
MARK = "_public_page_version"
WHOLE_PREFIX = "page-whole"


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A view may mark its answer as this reader's own (the editor's controls).
        and not {"private", "no-store", "no-cache"}
        & {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}
        # Set by every get_token() (a {% csrf_token %} on the page), and read here
        # before CsrfViewMiddleware clears it: no need to search the body as well.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _etag(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


def _public(response: HttpResponse, etag: str, max_age: int) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def _not_modified(request: HttpRequest, etag: str) -> bool:
    sent = request.headers.get("If-None-Match", "")
    return etag in {tag.strip().removeprefix("W/") for tag in sent.split(",")} or sent == "*"


def cache_public_page(
    *, version_key: str, max_age: int = PUBLIC_MAX_AGE
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a public view whose output depends only on the path, the language and
    the published content, whose version number is kept in the cache at `version_key`.

    One cache round trip per request: the version and the stored page are read
    together, and the page is served only when it was stored at that version.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
            key = ":".join((KEY_PREFIX, language, request.path))
            found = cache.get_many([version_key, key])
            version, stored = found.get(version_key), found.get(key)
            if version is not None and stored is not None and stored[0] == version:
                _version, body, content_type, etag = stored
                if _not_modified(request, etag):
                    return _public(HttpResponseNotModified(), etag, max_age)
                served = _public(HttpResponse(body, content_type=content_type), etag, max_age)
                setattr(served, MARK, (version_key, version))
                return served
            response = view(request, *args, **kwargs)
            if not _cacheable_response(request, response):
                return response
            etag = _etag(response.content)
            # Stored under the version read before rendering: if a publish came in
            # between, the next request sees a newer version and renders again. With
            # no version yet (an empty cache) nothing is stored: the view set one.
            if version is not None:
                entry = (version, response.content, response["Content-Type"], etag)
                cache.set(key, entry, STORE_FOR)
                setattr(response, MARK, (version_key, version))
            if _not_modified(request, etag):
                return _public(HttpResponseNotModified(), etag, max_age)
            return _public(response, etag, max_age)

        return wrapped

    return decorator


def _whole_key(request: HttpRequest) -> str | None:
    """The key of a request `PublicPageMiddleware` may answer, or None. Without a
    session cookie nobody is signed in (the session is the only way to be)."""
    if (
        request.method != "GET"
        or request.META.get("QUERY_STRING")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HX-Request" in request.headers
    ):
        return None
    return ":".join((WHOLE_PREFIX, language_of(request), request.path))


class PublicPageMiddleware:
    """Answers a repeated anonymous GET of a public page with the response kept whole."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        # Which version key each path's page depends on, learnt in this process when
        # the page is first kept: one round trip then reads the page and its version.
        self.version_keys: dict[str, str] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = _whole_key(request)
        version_key = self.version_keys.get(request.path) if key else None
        if key is not None and version_key is not None:
            found = cache.get_many([version_key, key])
            entry, version = found.get(key), found.get(version_key)
            if entry is not None and version is not None and entry["version"] == version:
                return _replay_whole(request, entry)
        response = self.get_response(request)
        marked = getattr(response, MARK, None)
        if key is not None and marked is not None and _keep_whole(response):
            self.version_keys[request.path] = marked[0]
            cache.set(key, _whole_entry(response, version=marked[1]), STORE_FOR)
        return response


def _keep_whole(response: HttpResponse) -> bool:
    # The decorator checked the view's answer; this checks what came after it.
    return response.status_code == 200 and not response.streaming and not response.cookies


def _whole_entry(response: HttpResponse, *, version: Any) -> dict[str, Any]:
    return {
        "version": version,
        "headers": list(response.items()),
        "content": response.content,
    }


def _replay_whole(request: HttpRequest, entry: dict[str, Any]) -> HttpResponse:
    headers = dict(entry["headers"])
    etag = headers.get("ETag", "")
    if etag and _not_modified(request, etag):
        return with_headers(
            HttpResponseNotModified(),
            entry["headers"],
            leave_out=("Content-Type", "Content-Length"),
        )
    return with_headers(HttpResponse(entry["content"]), entry["headers"])
