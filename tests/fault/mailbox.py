"""Counting what the stack's file mailer delivered (`EMAIL_URL=filemail://<dir>`).

Django's file backend writes each connection's messages to one file, separated
by a line of 79 dashes; the outbox sends every e-mail over its own connection,
but two can land in one file (the name is a timestamp and an object id), so
messages are counted, not files.
"""

from __future__ import annotations

import email
from collections import Counter
from email.utils import getaddresses
from pathlib import Path

SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def messages(mail_dir: Path) -> list[email.message.Message]:
    found = []
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                found.append(email.message_from_bytes(chunk.strip() + b"\n"))
    return found


def files(mail_dir: Path) -> int:
    return len(list(mail_dir.glob("*.log")))


def recipients(mail_dir: Path) -> Counter[str]:
    """How many messages each address received."""
    counts: Counter[str] = Counter()
    for message in messages(mail_dir):
        for _name, address in getaddresses(message.get_all("To", [])):
            counts[address.lower()] += 1
    return counts


def tally(mail_dir: Path, expected: list[str]) -> dict[str, int]:
    """expected / sent / lost / duplicated for these addresses (one e-mail each)."""
    counts = recipients(mail_dir)
    got = [counts[address.lower()] for address in expected]
    return {
        "expected": len(expected),
        "sent": sum(1 for n in got if n >= 1),
        "lost": sum(1 for n in got if n == 0),
        "duplicated": sum(n - 1 for n in got if n > 1),
    }
