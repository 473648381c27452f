"""The cache of published content.

Every key holds the content version; publishing or unpublishing bumps it, so
one increment invalidates every cached page, section and PDF at once (the old
keys simply expire).
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

CONTENT_VERSION_KEY = "knowledge:content-version"
ONE_HOUR = 60 * 60


def content_version() -> int:
    """Part of every public cache key; bumped on publish and unpublish."""
    return int(cache.get_or_set(CONTENT_VERSION_KEY, 1, timeout=None) or 1)


def bump_content_version() -> None:
    """Invalidate every cached public fragment: the keys include this number."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)


def cached(
    name: str,
    *parts: object,
    compute: Callable[[], Any],
    version: int | None = None,
    timeout: int = ONE_HOUR,
) -> Any:
    """Published content, cached until the next publish (the version is in the key).

    A warm public page then needs no SQL at all, only cache reads. Views read the
    version once and pass it here and to their template fragments, so a publish
    between two reads can never store old content under the new version.
    """
    version = content_version() if version is None else version
    key = ":".join(["knowledge", name, *map(str, parts), str(version)])
    value = cache.get(key)
    if value is None:
        value = compute()
        # "Not found" is not stored: random addresses must not fill the cache.
        if value is not None:
            cache.set(key, value, timeout=timeout)
    return value
