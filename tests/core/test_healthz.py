import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_all_services_up(client, settings):
    # The suite's settings point the cache and broker at the real Redis.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "disk": "ok",
    }
    assert "Retry-After" not in response


def test_healthz_in_embedded_mode_reports_eager_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["broker"] == "eager"


def test_healthz_is_503_when_the_cache_does_not_answer(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["cache"] == "error"
    assert body["database"] == "ok"
    assert response["Retry-After"] == "30"


def test_healthz_says_the_cache_is_down_though_pages_fall_back_to_memory(client, settings):
    """The resilient cache serves from memory while Redis is down, so pages work; the
    health check must still report Redis as down."""
    settings.CACHES = {
        "default": {
            "BACKEND": "bifrost.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["cache"] == "error"
    assert client.get(reverse("front_page")).status_code == 200


def test_healthz_is_503_when_the_broker_does_not_answer(client, settings):
    from bifrost.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get(reverse("healthz"))
    finally:
        app.conf.broker_url = original
    assert response.status_code == 503
    assert response.json()["broker"] == "error"


def test_healthz_is_503_when_the_database_does_not_answer(client, mocker_db_down):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.fixture
def mocker_db_down(monkeypatch):
    from bifrost import views

    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "_check_database", broken)
