#!/usr/bin/env python3
"""Back up and restore BIFROST: the PostgreSQL database and MEDIA_ROOT in one archive.

Usage (the Makefile wraps the first and the last):
    backup.py backup [--output-dir DIR]    write DIR/bifrost-YYYYmmdd-HHMMSS.tar (+ .sha256)
    backup.py verify ARCHIVE               check every checksum; change nothing
    backup.py restore ARCHIVE [--force]    verify, then restore into an EMPTY database
                                           and MEDIA_ROOT (--force: replace what the
                                           archive contains)

The database and MEDIA_ROOT come from the project's settings (DATABASE_URL,
MEDIA_ROOT and the other environment variables of bifrost/settings.py); nothing
else is read. pg_dump, pg_restore and psql are taken from $PG_BIN, else PATH, else
the newest /usr/lib/postgresql/*/bin. The default output directory is $BACKUP_DIR,
else ./backups.

The archive is an uncompressed tar (the dump is compressed already):
    database.dump    pg_dump -Fc of the database
    media/...        every file under MEDIA_ROOT (not symlinks, not .partial-* files)
    manifest.json    what, when, from where, versions, counts
    SHA256SUMS       SHA-256 of every member above (sha256sum -c format)
and next to it ARCHIVE.sha256, the checksum of the whole archive, which also
covers SHA256SUMS. Archives are created 0600 in a 0700 directory: they hold
everything, including health data. Keep them encrypted and off the host
(docs/operations.md).

The database is dumped first, then the files: a row never points to a file the
archive lacks (files uploaded during the backup may be in it without a row, which
is harmless). Uploads appear complete or not at all (bifrost.core.storage), so no
half-written file is backed up.

Restore verifies everything before it changes anything, refuses a database that
has any table, view or sequence and a MEDIA_ROOT that has any file (unless
--force), restores the database in one transaction (pg_restore
--single-transaction: all or nothing) and then the files. Exit status: 0 on
success, 1 on an error (one line on stderr), 2 on wrong usage.

This file is the command line; each command lives in a module next to it:
    backup_create.py     backup: dump, then write the archive and its .sha256
    backup_verify.py     verify: member names, SHA256SUMS, every checksum
    backup_restore.py    restore: the emptiness checks, pg_restore, the media files
    backup_postgres.py   settings -> libpq environment, pg_dump/pg_restore/psql
    backup_format.py     member names, BackupError, messages, hashing while streaming
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# scripts/ is not a package: the modules next to this file are imported by name,
# whether it runs as `python scripts/backup.py` or is loaded by its path.
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from backup_create import backup  # noqa: E402
from backup_format import ROOT, BackupError, report, say  # noqa: E402
from backup_restore import restore  # noqa: E402
from backup_verify import verify  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="backup.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="write one archive with the database and MEDIA_ROOT")
    make.add_argument(
        "--output-dir", type=Path, default=Path(os.environ.get("BACKUP_DIR") or ROOT / "backups")
    )
    check = commands.add_parser("verify", help="check an archive's checksums")
    check.add_argument("archive", type=Path)
    back = commands.add_parser("restore", help="restore an archive into an empty system")
    back.add_argument("archive", type=Path)
    back.add_argument(
        "--force", action="store_true", help="restore into a non-empty database and MEDIA_ROOT"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            backup(args.output_dir)
        elif args.command == "verify":
            manifest = verify(args.archive)
            database, media = manifest["database"], manifest["media"]
            report(
                f"{args.archive.name} is intact: database {database['name']!r} and "
                f"{media['files']} media files, made {manifest['created_at']}"
            )
        else:
            restore(args.archive, force=args.force)
    except BackupError as error:
        say(f"error: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
