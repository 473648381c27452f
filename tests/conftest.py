"""Suite-wide set-up: the suite runs on PostgreSQL; every test gets isolated settings
and a clean cache of its own.

The one exception: the tests marked `both_backends` (the Danish search, which has
its own implementation for the embedded SQLite mode) run a second time on SQLite,
`scripts/test.sh` does it with `-m both_backends` and an SQLite DATABASE_URL.

The fixtures shared by more than one test folder live in tests/fixtures/ and are
loaded here, once, for the whole suite. A folder's own fixtures stay in its
conftest.py; no conftest or test module imports another's.
"""

import os

import pytest
from django.conf import settings

pytest_plugins = [
    "tests.fixtures.accounts",
    "tests.fixtures.language",
    "tests.fixtures.programme",
    "tests.fixtures.logbook",
]

# The marker of the tests that run on PostgreSQL and again on SQLite.
BOTH_BACKENDS = "both_backends"


def pytest_configure(config):
    if "KEY_PREFIX" in settings.CACHES["default"]:
        settings.CACHES["default"]["KEY_PREFIX"] = f"bifrost-test-{os.getpid()}"
    engine = settings.DATABASES["default"]["ENGINE"]
    if "postgresql" not in engine and config.getoption("markexpr") != BOTH_BACKENDS:
        raise pytest.UsageError(
            "The test suite runs on PostgreSQL: set DATABASE_URL (`make test` does it for "
            f"you). Only `-m {BOTH_BACKENDS}` runs on SQLite as well."
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
