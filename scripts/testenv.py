"""Small helpers for scripts/test.sh, run with the project's .venv python.

Kept in Python because psycopg and redis-py are already installed in .venv,
which spares the test script from needing psql or redis-cli on the machine.

Usage:
    testenv.py free-port               print a free TCP port on 127.0.0.1
    testenv.py pg-check URL            exit 0 if the PostgreSQL server answers
    testenv.py pg-ensure-db URL        create URL's database if it is missing
    testenv.py redis-check URL         exit 0 if Redis answers PING
    testenv.py redact URL              print URL with its password masked

Failures print one line on stderr and exit 1; nothing here raises a traceback
for an expected condition such as "server not reachable".
"""

from __future__ import annotations

import socket
import sys
from urllib.parse import unquote, urlsplit, urlunsplit

PG_SCHEMES = {"postgres", "postgresql", "pgsql"}
TIMEOUT_SECONDS = 3


def free_port() -> int:
    # Binding to port 0 lets the kernel pick an unused port. There is a tiny
    # window before the server binds it, which is acceptable for a test run.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    userinfo = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{userinfo}:***@{netloc[1]}"))


def pg_params(url: str) -> dict[str, object]:
    parts = urlsplit(url)
    if parts.scheme not in PG_SCHEMES:
        raise SystemExit(f"DATABASE_URL must be a PostgreSQL URL, got {redact(url)}")
    params: dict[str, object] = {
        "dbname": unquote(parts.path.lstrip("/")) or "postgres",
        "connect_timeout": TIMEOUT_SECONDS,
    }
    # A percent-encoded path as host (postgres://%2Frun%2Fpostgresql/db) means
    # a Unix socket directory; urlsplit lower-cases .hostname, so use netloc.
    host = parts.netloc.rsplit("@", 1)[-1]
    # "[::1]:5432" is an IPv6 literal; otherwise drop the ":port".
    host = host[1 : host.index("]")] if host.startswith("[") else host.split(":", 1)[0]
    if host:
        params["host"] = unquote(host)
    if parts.port:
        params["port"] = parts.port
    if parts.username:
        params["user"] = unquote(parts.username)
    if parts.password:
        params["password"] = unquote(parts.password)
    return params


def pg_connect(url: str, dbname: str | None = None):
    import psycopg

    params = pg_params(url)
    if dbname is not None:
        params["dbname"] = dbname
    return psycopg.connect(**params, autocommit=True)


def pg_check(url: str) -> None:
    # Connect to the "postgres" maintenance database: the project database
    # may not exist yet, and pytest-django creates its own test database.
    try:
        with pg_connect(url, dbname="postgres") as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # any failure means "not usable"
        raise SystemExit(f"PostgreSQL check failed: {str(exc).strip().splitlines()[0]}") from None


def pg_ensure_db(url: str) -> None:
    from psycopg import sql

    name = str(pg_params(url)["dbname"])
    try:
        with pg_connect(url, dbname="postgres") as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not found:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except Exception as exc:  # e.g. no CREATEDB privilege: let the caller decide
        raise SystemExit(f"Could not create database {name!r}: {exc}") from None


def redis_check(url: str) -> None:
    import redis

    try:
        client = redis.Redis.from_url(
            url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
        )
        client.ping()
        client.close()
    except Exception as exc:  # any failure means "not usable"
        raise SystemExit(f"Redis check failed: {exc}") from None


def main(argv: list[str]) -> None:
    commands = {
        "pg-check": pg_check,
        "pg-ensure-db": pg_ensure_db,
        "redis-check": redis_check,
        "redact": lambda url: print(redact(url)),
    }
    if argv[:1] == ["free-port"] and len(argv) == 1:
        print(free_port())
    elif len(argv) == 2 and argv[0] in commands:
        commands[argv[0]](argv[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
