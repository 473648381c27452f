"""The database side of scripts/backup.py: the project's settings, the libpq
environment that points at its database, and the PostgreSQL client tools."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from backup_format import ROOT, BackupError

EMPTY_DATABASE_SQL = """
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
"""


# --- configuration from the project's settings ---------------------------------


def project_settings() -> Any:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bifrost.settings")
    from django.conf import settings

    return settings


def database_env(settings: Any) -> tuple[str, dict[str, str]]:
    """The database name and the libpq environment (PG*) that points at it.

    The password goes through the environment, never the command line (ps shows
    that to every user of the host).
    """
    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        raise BackupError(
            f"the database is {db['ENGINE']}, not PostgreSQL: set DATABASE_URL=postgres://..."
        )
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": db["NAME"],
        "PGSSLMODE": (db.get("OPTIONS") or {}).get("sslmode"),
    }
    # The settings decide; other libpq variables (PGPASSFILE, PGSSLROOTCERT...) stay.
    env = {key: value for key, value in os.environ.items() if key not in values}
    env.update({key: str(value) for key, value in values.items() if value not in (None, "")})
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return str(db["NAME"]), env


# --- the client tools ------------------------------------------------------------


def find_tool(name: str) -> str:
    """pg_dump & co: $PG_BIN, else PATH, else the newest /usr/lib/postgresql/*/bin."""
    if os.environ.get("PG_BIN"):
        candidate = Path(os.environ["PG_BIN"]) / name
        if os.access(candidate, os.X_OK):
            return str(candidate)
        raise BackupError(f"PG_BIN={os.environ['PG_BIN']} has no executable {name}")
    found = shutil.which(name)
    if found:
        return found

    def major(path: Path) -> int:
        return int(path.parts[-3]) if path.parts[-3].isdigit() else 0

    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=major, reverse=True)
    if versions:
        return str(versions[0])
    raise BackupError(
        f"{name} not found (PATH, /usr/lib/postgresql/*/bin): install the PostgreSQL client "
        "(Debian: apt-get install postgresql-client) or set PG_BIN"
    )


def run(argv: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - fixed tools, arguments built here
        argv, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{Path(argv[0]).name} failed: {' / '.join(detail[-3:]) or '?'}")
    return result.stdout


def dump_header(dump: Path, env: dict[str, str]) -> dict[str, str]:
    """Versions from the dump's own header (pg_restore -l also proves it is readable)."""
    listing = run([find_tool("pg_restore"), "--list", str(dump)], env)
    header = {}
    for key, pattern in {
        "server_version": r"Dumped from database version: (\S+)",
        "pg_dump_version": r"Dumped by pg_dump version: (\S+)",
        "toc_entries": r"TOC Entries: (\d+)",
    }.items():
        found = re.search(pattern, listing)
        header[key] = found.group(1) if found else "?"
    return header


def database_object_count(env: dict[str, str]) -> int:
    out = run(
        [
            find_tool("psql"),
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            EMPTY_DATABASE_SQL,
        ],
        env,
    )
    return int(out.strip())
