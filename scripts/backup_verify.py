"""`backup.py verify` (and the first step of every restore): check an archive end to
end without changing anything. Only the member names this script writes are
accepted (no absolute paths, no '..', regular files only), SHA256SUMS must list
exactly the members, and every member must match its checksum."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path, PurePosixPath

from backup_format import (
    DUMP,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA,
    SUMS,
    BackupError,
    hash_member,
    hash_member_bytes,
    parse_sums,
    say,
    sha256_of,
)


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
