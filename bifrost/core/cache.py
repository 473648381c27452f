"""A Redis cache that degrades instead of failing.

When Redis does not answer, every cache call goes to this process's memory
(a LocMemCache) instead of raising: public pages and search render (a miss),
and rate limits keep counting, per process rather than not at all. After a
failure Redis is left alone for `RETRY_AFTER` seconds, so a request never waits
on more than one socket timeout, and a warning is logged once per outage.
"""

import logging
import time
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 5.0

_METHODS = [
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "decr",
    "set_many",
    "delete_many",
    "clear",
]


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one redis-py client per connection pool.

    Django builds a new `redis.Redis` for every cache call, and its constructor
    fills a table of ~170 response callbacks each time: 0.1-0.2 ms per call, more
    than the round trip itself, so a cached page paid more for that than for
    Redis. A client is only a handle on its pool (thread-safe, fork-aware), so one
    per pool serves every call.
    """

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        django_client: Any = self  # Django's private helpers, which the stubs do not list
        index = django_client._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = django_client._get_connection_pool(write)
            client = self._clients.setdefault(index, django_client._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._local = LocMemCache(f"fallback-{id(self)}", dict(params))
        self._down_until = 0.0

    @property
    def redis_down(self) -> bool:
        """True while the cache is serving from memory (for /healthz)."""
        return time.monotonic() < self._down_until

    def _call(self, name: str, *args, **kwargs):
        if not self.redis_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except REDIS_DOWN as error:
                if not self._down_until:
                    logger.warning(
                        "cache: Redis unavailable (%s); serving from process memory, "
                        "rate limits are per process until it is back",
                        type(error).__name__,
                    )
                self._down_until = time.monotonic() + RETRY_AFTER
                return getattr(self._local, name)(*args, **kwargs)
            if self._down_until:
                logger.warning("cache: Redis is back")
                self._down_until = 0.0
        return getattr(self._local, name)(*args, **kwargs)

    def ping(self) -> bool:
        """Ask Redis itself (never the fallback): for health checks."""
        try:
            return bool(self._cache.get_client(None, write=False).ping())
        except REDIS_DOWN:
            return False


def _delegate(name: str):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    return method


for _name in _METHODS:
    setattr(ResilientRedisCache, _name, _delegate(_name))
