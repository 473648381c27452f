"""A Redis cache that degrades instead of failing.

When Redis does not answer, every cache call goes to this process's memory
(a LocMemCache) instead of raising: public pages and search render (a miss),
and rate limits keep counting, per process rather than not at all. After a
failure Redis is left alone for `RETRY_AFTER` seconds, so a request never waits
on more than one socket timeout, and a warning is logged once per outage.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
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


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
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
