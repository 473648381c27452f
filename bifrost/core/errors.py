"""Error views that never need the database.

When PostgreSQL cannot be reached, every page (and /healthz with a session
cookie, whose middleware touches the session table) raises a connection error.
Django then calls `handler500`; this one answers such errors with a plain 503
page and `Retry-After`, rendered without a request so no context processor,
session or user lookup runs.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def database_unavailable() -> HttpResponse:
    response = HttpResponse(
        render_to_string("core/503_database.html", {"retry_after": RETRY_AFTER_SECONDS}),
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        logger.warning("database unavailable: answered 503 (%s)", type(error).__name__)
        return database_unavailable()
    try:
        return django_server_error(request, template_name=template_name)
    except Exception:  # the 500 page itself failed: plain text, never a second error
        return HttpResponseServerError("Server error", content_type="text/plain")
