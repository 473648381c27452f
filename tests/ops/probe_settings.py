"""Settings for the gunicorn that the proxy tests' `proxy_stack` fixture starts behind nginx.

The project settings unchanged (DJANGO_ENV=test, DATABASE_URL of the test
database, REDIS_URL), plus what production sets for the proxy in front
(bifrost/settings.py with DJANGO_ENV=production, .env.example):

- SECURE_PROXY_SSL_HEADER, SECURE_SSL_REDIRECT (with /healthz exempt), and
  ALLAUTH_TRUSTED_PROXY_COUNT=1 for the one nginx in front;
- ROOT_URLCONF with two probe views (probe_urls.py) that report what Django saw;
- a cache key prefix of this process only, so its keys never collide with
  another run's on a shared Redis.
"""

import os

from bifrost.settings import *  # noqa: F403
from bifrost.settings import CACHES

ROOT_URLCONF = "tests.ops.probe_urls"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
ALLAUTH_TRUSTED_PROXY_COUNT = 1

if "KEY_PREFIX" in CACHES["default"]:
    CACHES["default"]["KEY_PREFIX"] = f"bifrost-ops-proxy-{os.getpid()}"
