"""The archive format of scripts/backup.py, and what every step of it shares.

An archive is an uncompressed tar with the members named below (DUMP, MEDIA/...,
MANIFEST, SUMS) and, next to it, ARCHIVE.sha256 with the checksum of the whole
archive. Here too: the error type, the two kinds of message, and the hashing
done while the bytes stream through (a member is never read twice).
"""

from __future__ import annotations

import hashlib
import re
import sys
import tarfile
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
FORMAT = "bifrost-backup"
FORMAT_VERSION = 1
DUMP = "database.dump"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
MEDIA = "media"
PARTIAL_PREFIX = ".partial-"  # bifrost.core.storage's temporary files
CHUNK = 1024 * 1024


class BackupError(Exception):
    """An expected failure: printed as one line, exit status 1."""


def say(message: str) -> None:
    """Warnings and errors, on stderr."""
    print(f"backup.py: {message}", file=sys.stderr)


def report(message: str) -> None:
    """What was done, on stdout."""
    print(f"backup.py: {message}")


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


# --- reading members back ----------------------------------------------------------


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


def hash_member_bytes(tar: tarfile.TarFile, name: str) -> bytes:
    source = tar.extractfile(name)
    if source is None:
        raise BackupError(f"cannot read {name!r}")
    return source.read()


def parse_sums(data: bytes) -> dict[str, str]:
    sums: dict[str, str] = {}
    for line in data.decode("utf-8").splitlines():
        found = re.fullmatch(r"([0-9a-f]{64})  (.+)", line)
        if not found or found.group(2) in sums:
            raise BackupError(f"{SUMS} is malformed: {line!r}")
        sums[found.group(2)] = found.group(1)
    return sums
