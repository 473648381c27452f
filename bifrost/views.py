"""Project-level views that belong to no domain app."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET

from bifrost.celery import app as celery_app
from bifrost.core.errors import RETRY_AFTER_SECONDS
from bifrost.core.health import check_disk

logger = logging.getLogger(__name__)


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_cache() -> str:
    # The cache falls back to process memory when Redis is down (pages keep
    # working), so a set-then-get would pass: ask Redis itself.
    ping = getattr(cache, "ping", None)
    if ping is not None and not ping():
        raise RuntimeError("Redis does not answer; the cache serves from process memory")
    cache.set("healthz", "1", timeout=10)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache did not return the value it was given")
    return "ok"


def _check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"  # embedded mode: tasks run in-process, no broker to ask
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


@never_cache
@require_GET
def healthz(request):
    """200 when database, cache and broker answer; 503 naming the one that does not."""
    checks = {"database": _check_database, "cache": _check_cache, "broker": _check_broker}
    result: dict[str, str] = {}
    for name, check in checks.items():
        try:
            result[name] = check()
        except Exception:  # any failure means "not healthy"; details go to the log
            logger.exception("healthz: %s check failed", name)
            result[name] = "error"
    healthy = all(value in ("ok", "eager") for value in result.values())
    # Low disk is a warning ("disk": "low"), not an outage: see bifrost.core.health.
    response = JsonResponse(
        {"status": "ok" if healthy else "error", **result, "disk": check_disk()},
        status=200 if healthy else 503,
    )
    if not healthy:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@csrf_exempt
def set_language(request):
    """Django's language switch; a CSRF token is required only when logged in.

    For an anonymous reader the switch changes nothing but the language cookie,
    so it needs no token, and the public pages carry none: they can then be
    cached whole and shared (bifrost.core.page_cache). A logged-in person's
    switch is protected as before.
    """
    if request.user.is_authenticated:
        return csrf_protect(i18n.set_language)(request)
    return i18n.set_language(request)
