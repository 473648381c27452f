"""`backup.py restore`: verify the archive, then restore it into an EMPTY system.

Everything is verified before anything changes. A database that has any table,
view or sequence and a MEDIA_ROOT that has any file are refused unless --force.
The database is restored in one transaction (pg_restore --single-transaction:
all or nothing), then the files, each written beside its place, checked against
its checksum and moved into place.
"""

from __future__ import annotations

import os
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from backup_format import (
    DUMP,
    MEDIA,
    PARTIAL_PREFIX,
    SUMS,
    BackupError,
    hash_member,
    hash_member_bytes,
    parse_sums,
    report,
)
from backup_postgres import database_env, database_object_count, find_tool, project_settings, run
from backup_verify import verify


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
