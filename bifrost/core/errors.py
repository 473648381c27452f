"""The error pages: 400, 403, 404, 429, 500, the CSRF failure, and 503 for a database outage.

Each is a Danish page in the site layout (`templates/core/errors/`), wired in
`bifrost/urls.py` (`handler400` … `handler500`, and `handler429`, which allauth's
rate limits look up there) and `CSRF_FAILURE_VIEW`.

- 404 is what "missing" and "forbidden" both answer (`bifrost.core.access`), so the
  page says so and never shows what was asked for: a forbidden object's 404 is the
  same page, byte for byte, as a missing one's.
- 500 must render when nothing else works. It is rendered without the request, so
  no context processor, session or user lookup runs and it makes no database query;
  the header shows the signed-out navigation. It shows a reference that is logged
  with the exception (one record with the traceback), so support can find the
  failure from what the person quotes. Nothing about the request is on the page,
  and the log names the URL pattern, not the path (which can hold a calendar token).
- The pages never echo the requested address (`error_page` in the context tells
  the language switcher to leave its `next` out).
- When PostgreSQL cannot be reached, every page raises a connection error; the
  500 handler answers those with a plain 503 page and `Retry-After`.
"""

import logging
import sys
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    # error_page: the layout leaves the requested address out (language_switcher.html).
    response = render(request, f"core/errors/{template}", {"error_page": True}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # The exception's text ("No Case matches …") is never shown: it would tell
    # a forbidden object from a missing one.
    return _page(request, "404.html", 404)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """allauth's rate limits (login, password reset, e-mail) answer with this."""
    return _page(request, "429.html", 429)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid CSRF token (Django logs the reason itself)."""
    return _page(request, "csrf_failure.html", 403)


def database_unavailable() -> HttpResponse:
    response = HttpResponse(
        render_to_string("core/503_database.html", {"retry_after": RETRY_AFTER_SECONDS}),
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def new_reference() -> str:
    """A short id to quote on the phone or in an e-mail, e.g. ``7F3A-91C2-0B4E``."""
    raw = uuid.uuid4().hex[:12].upper()
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def server_error(request: HttpRequest, template_name: str = "core/errors/500.html") -> HttpResponse:
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        logger.warning("database unavailable: answered 503 (%s)", type(error).__name__)
        return database_unavailable()
    reference = new_reference()
    # The URL pattern, not the path: a path can hold a credential (a calendar token).
    match = getattr(request, "resolver_match", None)
    route = f"/{match.route}" if match is not None else "(no matching URL)"
    logger.error(
        "Server error, reference %s: %s %s",
        reference,
        request.method,
        route,
        exc_info=error is not None,
        extra={"error_reference": reference, "status_code": 500},
    )
    try:
        # No request: no context processors, no session, no database.
        body = render_to_string(
            template_name,
            {"reference": reference, "support_email": settings.SUPPORT_EMAIL, "error_page": True},
        )
        response = HttpResponseServerError(body)
    except Exception:  # the 500 page itself failed: plain text, never a second error
        logger.exception("the 500 page failed to render (reference %s)", reference)
        response = HttpResponseServerError(
            f"Server error. Reference: {reference}", content_type="text/plain"
        )
    response["Cache-Control"] = "no-store"
    # Logged above, with the traceback and the reference: Django's own record
    # ("Internal Server Error: …") would repeat the traceback without it.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response
