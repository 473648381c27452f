"""Suite-wide fixtures. The suite runs on PostgreSQL, never on SQLite."""

import os

import pytest
from django.conf import settings

from tests import factories


def pytest_configure(config):
    if "KEY_PREFIX" in settings.CACHES["default"]:
        settings.CACHES["default"]["KEY_PREFIX"] = f"bifrost-test-{os.getpid()}"
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine:
        raise pytest.UsageError(
            "The test suite runs on PostgreSQL: set DATABASE_URL (`make test` does it for you)."
        )


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    # Tasks run in-process unless a test starts a real worker. (pytest-django
    # already points MAILERS at the in-memory outbox.)
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # A fast hasher: the real one is deliberately slow, and tests log in a lot.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    from bifrost.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = True


def _clear_cache() -> None:
    """Delete this run's cache keys only: never FLUSHDB a Redis others may share."""
    from django.core.cache import cache

    if hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
        client = cache._cache.get_client(None, write=True)
        for key in client.scan_iter(match=f"{cache.key_prefix}:*", count=500):
            client.delete(key)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters live in the cache; one test must not throttle the next.
    _clear_cache()
    yield
    _clear_cache()


@pytest.fixture
def password() -> str:
    return factories.PASSWORD


@pytest.fixture
def smv_owner(db):
    return factories.smv_owner()


@pytest.fixture
def advisor(db):
    return factories.advisor()


@pytest.fixture
def facilitator(db):
    return factories.facilitator()


@pytest.fixture
def english(client, settings):
    """The one way a test asks for English: pages (the language cookie on `client`)
    and code run in the test itself (an active translation) both speak English."""
    from django.utils import translation

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
