"""Faults answered gracefully: Redis down (cache), database down (503)."""

import logging

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

from bifrost.core import cache as cache_module
from bifrost.core.cache import ResilientRedisCache


def _dead_cache():
    # A port nothing listens on: every Redis call fails at once.
    return ResilientRedisCache(
        "redis://127.0.0.1:9/0",
        {"KEY_PREFIX": "t", "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )


def test_a_cache_without_redis_answers_from_process_memory(caplog):
    cache = _dead_cache()
    with caplog.at_level(logging.WARNING, logger="bifrost.core.cache"):
        assert cache.get("x") is None  # a miss, not an error
        cache.set("x", 1)
        assert cache.get("x") == 1
    assert cache.redis_down
    assert "Redis unavailable" in caplog.text
    assert not cache.ping()


def test_rate_limit_counters_keep_counting_without_redis():
    cache = _dead_cache()
    assert cache.add("hits", 0)
    assert cache.incr("hits") == 1
    assert cache.incr("hits") == 2


def test_redis_is_tried_again_after_a_pause(monkeypatch):
    cache = _dead_cache()
    cache.get("x")
    assert cache.redis_down
    monkeypatch.setattr(cache_module.time, "monotonic", lambda: 10**9)
    assert not cache.redis_down


def test_the_configured_cache_is_the_resilient_one(settings):
    assert settings.CACHES["default"]["BACKEND"] == "bifrost.core.cache.ResilientRedisCache"


def _database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed")


def _bug(request):
    raise ValueError("a bug")


urlpatterns = [path("down/", _database_down), path("bug/", _bug)]


@override_settings(ROOT_URLCONF=__name__)
def test_a_database_outage_answers_a_danish_503_with_retry_after(client):
    client.raise_request_exception = False
    response = client.get("/down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Midlertidigt utilgængelig" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_other_errors_stay_500(client):
    client.raise_request_exception = False
    response = client.get("/bug/")
    assert response.status_code == 500


handler500 = "bifrost.core.errors.server_error"


@pytest.mark.parametrize(
    ("url", "backend", "options"),
    [
        (
            "filemail:///var/mail/bx",
            "filebased.EmailBackend",
            {"file_path": "/var/mail/bx"},
        ),
        ("consolemail://", "console.EmailBackend", {}),
    ],
)
def test_email_url_kinds_configure_the_mailer(monkeypatch, url, backend, options):
    import importlib

    import bifrost.settings as project_settings

    monkeypatch.setenv("EMAIL_URL", url)
    try:
        reloaded = importlib.reload(project_settings)
        mailer = reloaded.MAILERS["default"]
        assert mailer["BACKEND"].endswith(backend)
        assert mailer["OPTIONS"] == options
    finally:
        monkeypatch.delenv("EMAIL_URL")
        importlib.reload(project_settings)


def test_messages_are_kept_in_the_session_not_a_cookie(settings):
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.session.SessionStorage"
