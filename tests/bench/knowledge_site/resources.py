"""The database and the cache keys this run owns. The database is dropped and
recreated (its name must start with "bifrost_bench", so a real one is never
touched); only keys with this run's prefix are counted or deleted, never FLUSHDB,
because the Redis may be shared."""

from tests.bench.knowledge_site.config import Config


def _maintenance_connection(cfg: Config):
    import psycopg

    db = cfg.db
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=int(db["PORT"] or 5432),
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    )


def recreate_database(cfg: Config) -> None:
    from psycopg import sql

    name = sql.Identifier(cfg.db["NAME"])
    with _maintenance_connection(cfg) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(name))


def drop_database(cfg: Config) -> None:
    from psycopg import sql

    with _maintenance_connection(cfg) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(cfg.db["NAME"])
            )
        )


def delete_cache_keys(prefix: str) -> int:
    """Delete this run's keys only: the Redis may be shared."""
    from django.core.cache import cache

    if not (hasattr(cache, "_cache") and hasattr(cache._cache, "get_client")):
        return 0
    client = cache._cache.get_client(None, write=True)
    deleted = 0
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        deleted += client.delete(key)
    return deleted


def count_cache_keys(prefix: str, pattern: str = "*") -> int:
    from django.core.cache import cache

    if not (hasattr(cache, "_cache") and hasattr(cache._cache, "get_client")):
        return 0
    client = cache._cache.get_client(None, write=False)
    return sum(1 for _ in client.scan_iter(match=f"{prefix}:{pattern}", count=500))
