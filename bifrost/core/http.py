"""Small request and URL helpers."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


def language_of(request: HttpRequest) -> str:
    """The page's language: Danish unless the reader chose another with the switcher
    (the cookie); the browser's Accept-Language is not followed (the programme is
    Danish). Read by the locale middleware and, before it, by the public page cache."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in _supported_languages() else settings.LANGUAGE_CODE


def _supported_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def with_headers(response: HttpResponse, headers, *, leave_out=()) -> HttpResponse:
    """`response` with the (name, value) pairs of a kept response set on it (the
    page caches replay what they stored), but for the names in `leave_out`."""
    skipped = {name.lower() for name in leave_out}
    for name, value in headers:
        if name.lower() not in skipped:
            response[name] = value
    return response


def is_htmx(request: HttpRequest) -> bool:
    """The request came from htmx (it then wants a fragment, not a page)."""
    return request.headers.get("HX-Request") == "true"


def absolute_url(path_or_name: str, *args, **kwargs) -> str:
    """`SITE_URL` + a path, or + the reversed URL name, for links that leave the site
    (e-mails, calendar feeds): the request's host is never trusted for those."""
    if path_or_name.startswith("/"):
        path = path_or_name
    else:
        path = reverse(path_or_name, args=args, kwargs=kwargs)
    return settings.SITE_URL.rstrip("/") + path
