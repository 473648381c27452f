"""Settings for the knowledge benchmark only (see README.md).

The project settings unchanged (driven by the environment the benchmark sets:
DJANGO_ENV=test, DEBUG off, DATABASE_URL, REDIS_URL, CONN_MAX_AGE), plus:

- ROOT_URLCONF with a bare "hello" view, served the same way as the real pages;
- BENCH_CACHE_PREFIX: a cache key prefix of this benchmark run only, so its
  keys can be deleted afterwards without touching a Redis others share;
- BENCH_CACHE=dummy: the worst case, no fragment is ever cached.
"""

import os

from bifrost.settings import *  # noqa: F403
from bifrost.settings import CACHES

ROOT_URLCONF = "tests.bench.bench_urls"

if os.environ.get("BENCH_CACHE") == "dummy":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif os.environ.get("BENCH_CACHE_PREFIX") and "KEY_PREFIX" in CACHES["default"]:
    CACHES["default"]["KEY_PREFIX"] = os.environ["BENCH_CACHE_PREFIX"]

# The load test logs every simulated person in from 127.0.0.1: the login rate
# limit would turn most of them away (it is tested in tests/accounts).
if os.environ.get("BENCH_NO_RATE_LIMITS"):
    ACCOUNT_RATE_LIMITS = False

# The load test collects the static files into its own folder, which nginx serves.
if os.environ.get("STATIC_ROOT"):
    STATIC_ROOT = os.environ["STATIC_ROOT"]

# nginx passes the host without the loopback port it listens on; in production
# the origin's port is the default one and matches.
if os.environ.get("BENCH_TRUSTED_ORIGIN"):
    CSRF_TRUSTED_ORIGINS = [os.environ["BENCH_TRUSTED_ORIGIN"]]
