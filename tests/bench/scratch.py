"""A benchmark's own scratch resources: its database (dropped and made anew; the
callers check the name starts with bifrost_bench) and its Redis keys (its own
prefix only, never FLUSHDB: others may share the Redis)."""


def recreate_database(url: str, *, create: bool = True) -> None:
    """Drop the database named by `url` and, unless `create` is False, make it anew."""
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')


def forget_keys(redis_url: str, prefix: str) -> None:
    """Delete every key of this run (those starting with `prefix`)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}*", count=500):
        client.delete(key)
