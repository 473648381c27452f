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
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
FORMAT = "bifrost-backup"
FORMAT_VERSION = 1
DUMP = "database.dump"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
MEDIA = "media"
PARTIAL_PREFIX = ".partial-"  # bifrost.core.storage's temporary files
CHUNK = 1024 * 1024
EMPTY_DATABASE_SQL = """
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
"""


class BackupError(Exception):
    """An expected failure: printed as one line, exit status 1."""


def say(message: str) -> None:
    """Warnings and errors, on stderr."""
    print(f"backup.py: {message}", file=sys.stderr)


def report(message: str) -> None:
    """What was done, on stdout."""
    print(f"backup.py: {message}")


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


# --- hashing while streaming -----------------------------------------------------


class HashingReader:
    """Wraps a file: everything read through it is hashed and counted."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha.update(data)
        self.size += len(data)
        return data


class HashingWriter:
    """Wraps the archive file: everything written is hashed (the .sha256 sidecar)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def tell(self) -> int:
        return self.raw.tell()


def sha256_of(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


# --- backup ----------------------------------------------------------------------


def media_files(media_root: Path) -> Iterator[Path]:
    """Regular files under MEDIA_ROOT, sorted; symlinks and .partial-* files skipped."""
    if not media_root.is_dir():
        return
    for directory, subdirs, files in os.walk(media_root):
        subdirs.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if name.startswith(PARTIAL_PREFIX):
                continue
            if path.is_symlink() or not path.is_file():
                say(f"warning: skipping {path} (not a regular file)")
                continue
            yield path


def add_file(tar: tarfile.TarFile, path: Path, arcname: str) -> tuple[str, int]:
    """Add `path` as `arcname`; return the SHA-256 and size of exactly the bytes added."""
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        info = tarfile.TarInfo(arcname)
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = stat.st_mode & 0o777
        info.uid, info.gid = stat.st_uid, stat.st_gid
        reader = HashingReader(handle)
        tar.addfile(info, reader)  # reads exactly info.size bytes
    return reader.sha.hexdigest(), reader.size


def add_bytes(tar: tarfile.TarFile, arcname: str, data: bytes) -> None:
    import io

    info = tarfile.TarInfo(arcname)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


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


def write_archive(target: IO[bytes], dump: Path, media_root: Path, manifest: dict) -> str:
    """Write the tar into `target`; return the SHA-256 of the whole archive."""
    writer = HashingWriter(target)
    sums: dict[str, str] = {}
    total = 0
    with tarfile.open(fileobj=writer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        sums[DUMP], manifest["database"]["dump_bytes"] = add_file(tar, dump, DUMP)
        for path in media_files(media_root):
            arcname = str(PurePosixPath(MEDIA, *path.relative_to(media_root).parts))
            try:
                sums[arcname], size = add_file(tar, path, arcname)
            except FileNotFoundError:  # deleted meanwhile (an export purge): not needed
                say(f"warning: {path} disappeared during the backup; skipped")
                continue
            total += size
        manifest["media"].update(files=len(sums) - 1, bytes=total)
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode() + b"\n"
        add_bytes(tar, MANIFEST, data)
        sums[MANIFEST] = hashlib.sha256(data).hexdigest()
        add_bytes(tar, SUMS, "".join(f"{sums[n]}  {n}\n" for n in sorted(sums)).encode())
    return writer.sha.hexdigest()


def backup(output_dir: Path) -> Path:
    settings = project_settings()
    name, env = database_env(settings)
    media_root = Path(settings.MEDIA_ROOT)
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    ignore = output_dir / ".gitignore"
    if not ignore.exists():  # backups hold health data: never commit them
        ignore.write_text("*\n")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"bifrost-{stamp}.tar"
    partial = output_dir / f".bifrost-{stamp}.tar.partial"
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".bifrost-work-") as work:
        dump = Path(work, DUMP)
        run([find_tool("pg_dump"), "--format=custom", "--no-password", f"--file={dump}"], env)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": {"name": name, **dump_header(dump, env)},
            "media": {"root": str(media_root)},
        }
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as target:
                digest = write_archive(target, dump, media_root, manifest)
                target.flush()
                os.fsync(target.fileno())
            if archive.exists():
                raise BackupError(f"{archive} exists already")
            partial.rename(archive)
        finally:
            partial.unlink(missing_ok=True)
    sidecar = archive.with_name(archive.name + ".sha256")
    fd = os.open(sidecar, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(f"{digest}  {archive.name}\n")
    media = manifest["media"]
    report(
        f"wrote {archive} ({archive.stat().st_size} bytes): database {name!r} "
        f"({manifest['database']['dump_bytes']} bytes dumped), {media['files']} media files "
        f"({media['bytes']} bytes); sha256 {digest}"
    )
    return archive


# --- verify ----------------------------------------------------------------------


def parse_sums(data: bytes) -> dict[str, str]:
    sums: dict[str, str] = {}
    for line in data.decode("utf-8").splitlines():
        found = re.fullmatch(r"([0-9a-f]{64})  (.+)", line)
        if not found or found.group(2) in sums:
            raise BackupError(f"{SUMS} is malformed: {line!r}")
        sums[found.group(2)] = found.group(1)
    return sums


def check_member_name(name: str) -> None:
    """Only the names this script writes: no absolute paths, no '..', nothing else."""
    path = PurePosixPath(name)
    safe = not path.is_absolute() and ".." not in path.parts and path.parts
    expected = name in (DUMP, MANIFEST, SUMS) or (len(path.parts) > 1 and path.parts[0] == MEDIA)
    if not (safe and expected):
        raise BackupError(f"unexpected member {name!r} in the archive")


def check_sidecar(archive: Path) -> None:
    sidecar = archive.with_name(archive.name + ".sha256")
    if not sidecar.exists():
        say(f"warning: no {sidecar.name} next to the archive; checking the checksums inside only")
        return
    expected = sidecar.read_text().split()[0]
    if sha256_of(archive) != expected:
        raise BackupError(f"{archive.name} does not match {sidecar.name}: the archive is corrupt")


def read_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = tar.getmembers()
    names = [member.name for member in members]
    if len(set(names)) != len(names):
        raise BackupError("the archive has a member twice")
    for member in members:
        check_member_name(member.name)
        if not member.isreg():
            raise BackupError(f"{member.name!r} in the archive is not a regular file")
    return members


def hash_member(tar: tarfile.TarFile, member: tarfile.TarInfo, sink: IO[bytes] | None) -> str:
    source = tar.extractfile(member)
    if source is None:
        raise BackupError(f"cannot read {member.name!r}")
    sha = hashlib.sha256()
    while chunk := source.read(CHUNK):
        sha.update(chunk)
        if sink is not None:
            sink.write(chunk)
    return sha.hexdigest()


def verify(archive: Path) -> dict:
    """Check the archive end to end; return its manifest. Raises BackupError."""
    if not archive.is_file():
        raise BackupError(f"{archive} is not a file")
    check_sidecar(archive)
    try:
        with tarfile.open(archive, mode="r:") as tar:
            members = read_members(tar)
            names = {member.name for member in members}
            if not {DUMP, MANIFEST, SUMS} <= names:
                raise BackupError(f"the archive lacks {DUMP}, {MANIFEST} or {SUMS}")
            sums = parse_sums(hash_member_bytes(tar, SUMS))
            if set(sums) != names - {SUMS}:
                raise BackupError(f"{SUMS} does not list exactly the members of the archive")
            for member in members:
                if member.name != SUMS and hash_member(tar, member, None) != sums[member.name]:
                    raise BackupError(
                        f"checksum mismatch for {member.name!r}: the archive is corrupt"
                    )
            manifest = json.loads(hash_member_bytes(tar, MANIFEST))
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError, ValueError) as error:
        raise BackupError(f"{archive.name} cannot be read as a backup: {error}") from error
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{archive.name} is not a {FORMAT} version {FORMAT_VERSION} archive")
    return manifest


def hash_member_bytes(tar: tarfile.TarFile, name: str) -> bytes:
    source = tar.extractfile(name)
    if source is None:
        raise BackupError(f"cannot read {name!r}")
    return source.read()


# --- restore ---------------------------------------------------------------------


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


def media_is_empty(media_root: Path) -> bool:
    return not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def restore_database(
    tar: tarfile.TarFile, sums: dict[str, str], env: dict[str, str], force: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="bifrost-restore-") as work:
        dump = Path(work, DUMP)
        with dump.open("wb") as sink:
            if hash_member(tar, tar.getmember(DUMP), sink) != sums[DUMP]:
                raise BackupError(f"checksum mismatch for {DUMP!r}: the archive changed")
        argv = [
            find_tool("pg_restore"),
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            "--no-password",
        ]
        if force:
            argv += ["--clean", "--if-exists"]
        run([*argv, f"--dbname={env['PGDATABASE']}", str(dump)], env)


def make_dirs(root: Path, directory: Path) -> None:
    """Create `directory` below `root`; as root, new directories get `root`'s owner (the
    web user), so the site can still add files to them."""
    missing = []
    while directory != root and not directory.exists():
        missing.append(directory)
        directory = directory.parent
    owner = root.stat()
    for path in reversed(missing):
        path.mkdir(mode=0o755)
        if os.geteuid() == 0:
            os.chown(path, owner.st_uid, owner.st_gid)


def restore_file(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, digest: str) -> None:
    """Write one media file beside its place, check it, then move it into place."""
    fd, staged = tempfile.mkstemp(dir=target.parent, prefix=PARTIAL_PREFIX)
    try:
        with os.fdopen(fd, "wb") as sink:
            if hash_member(tar, member, sink) != digest:
                raise BackupError(f"checksum mismatch for {member.name!r}: the archive changed")
        os.chmod(staged, member.mode & 0o777)
        if os.geteuid() == 0:  # keep the owner (the web user) the files had
            os.chown(staged, member.uid, member.gid)
        os.utime(staged, (member.mtime, member.mtime))
        os.replace(staged, target)
    finally:
        Path(staged).unlink(missing_ok=True)


def restore_media(tar: tarfile.TarFile, sums: dict[str, str], media_root: Path) -> tuple[int, int]:
    media_root.mkdir(parents=True, exist_ok=True)
    root = media_root.resolve()
    count = size = 0
    for member in tar.getmembers():
        if not member.name.startswith(f"{MEDIA}/"):
            continue
        target = root.joinpath(*PurePosixPath(member.name).parts[1:])
        if root not in target.resolve().parents:
            raise BackupError(f"{member.name!r} would land outside MEDIA_ROOT")
        make_dirs(root, target.parent)
        restore_file(tar, member, target, sums[member.name])
        count += 1
        size += member.size
    return count, size


def restore(archive: Path, *, force: bool) -> None:
    manifest = verify(archive)
    settings = project_settings()
    name, env = database_env(settings)
    media_root = Path(settings.MEDIA_ROOT)
    objects = database_object_count(env)
    if objects and not force:
        raise BackupError(
            f"database {name!r} is not empty ({objects} tables, views or sequences): restore "
            "into an empty database, or pass --force to replace what the archive contains"
        )
    if not media_is_empty(media_root) and not force:
        raise BackupError(
            f"MEDIA_ROOT {media_root} has files: restore into an empty one, or pass --force "
            "to overwrite files of the same name"
        )
    report(f"{archive.name} is intact (made {manifest['created_at']}); restoring")
    with tarfile.open(archive, mode="r:") as tar:
        sums = parse_sums(hash_member_bytes(tar, SUMS))
        restore_database(tar, sums, env, force)
        objects = database_object_count(env)
        report(f"restored database {name!r} ({objects} tables, views and sequences)")
        count, size = restore_media(tar, sums, media_root)
    report(f"restored {count} media files ({size} bytes) into {media_root}")


# --- command line ----------------------------------------------------------------


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
