"""`backup.py backup`: dump the database, then write it and MEDIA_ROOT into one archive.

The database is dumped first, then the files: a row never points to a file the
archive lacks (files uploaded during the backup may be in it without a row, which
is harmless). Uploads appear complete or not at all (bifrost.core.storage), so no
half-written file is backed up. The archive is written under a temporary name and
renamed when complete, 0600 in a 0700 directory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from backup_format import (
    DUMP,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA,
    PARTIAL_PREFIX,
    SUMS,
    BackupError,
    HashingReader,
    HashingWriter,
    report,
    say,
)
from backup_postgres import database_env, dump_header, find_tool, project_settings, run


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
