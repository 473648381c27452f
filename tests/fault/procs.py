"""Processes and ports for the fault tests' stack: the demo logins, the settings the
stack runs with, and small helpers to start, find and end processes by PID."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
LOOPBACK = "127.0.0.1"

# Demo logins (bifrost/accounts/demo.py, loaded by `manage.py demo_data`).
PASSWORD = "bifrost-demo"
FACILITATOR = "facilitator@bifrost.example"
OWNER = "smv1@bifrost.example"

#: Shortened intervals (see bifrost/settings.py): sweep the outbox every 3 s, look
#: for stalled exports every 3 s, an export silent for 10 s counts as dead.
FAULT_SETTINGS = {
    "OUTBOX_SWEEP_SECONDS": "3",
    "EXPORT_RECOVER_SECONDS": "3",
    "EXPORT_STALLED_AFTER_SECONDS": "10",
}
#: Settings a developer's shell may export that would change what is tested.
NOT_INHERITED = {
    "DEBUG",
    "CONN_MAX_AGE",
    "CSRF_TRUSTED_ORIGINS",
    "BIFROST_REQUIRE_FACILITATOR_2FA",
    "ALLAUTH_TRUSTED_PROXY_COUNT",
}
#: The export worker exactly as docker-compose.yml runs it (one PDF at a time).
EXPORT_WORKER_ARGS = [
    "-Q",
    "exports",
    "--concurrency",
    "1",
    "--prefetch-multiplier",
    "1",
    "--max-memory-per-child",
    "400000",
    "--time-limit",
    "300",
    "--soft-time-limit",
    "270",
]


class StackError(RuntimeError):
    """A server of the stack did not start or stop; the message names the log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((LOOPBACK, port)) == 0


def wait_until(predicate, *, timeout: float, interval: float = 0.2, what: str = "") -> float:
    """Poll `predicate` until true (bounded by `timeout`); returns the seconds it took."""
    start = time.monotonic()
    deadline = start + timeout
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic() - start
        time.sleep(interval)
    raise StackError(f"timed out after {timeout:.0f} s waiting for {what or predicate}")


def children_of(pid: int) -> list[int]:
    """PIDs whose parent is `pid` (read from /proc before the parent is killed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces, so split after ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    @property
    def pid(self) -> int:
        return self.popen.pid


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def find_pg_bin() -> Path:
    """Server binaries as scripts/test.sh finds them: pg_config's bindir, the newest
    /usr/lib/postgresql/*/bin, or initdb/pg_ctl on PATH."""
    candidates: list[Path] = []
    if shutil.which("pg_config"):
        result = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=False
        )
        candidates.append(Path(result.stdout.strip()))
    candidates += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: [int(x) for x in p.parent.name.split(".") if x.isdigit()],
        reverse=True,
    )
    if shutil.which("pg_ctl"):
        candidates.append(Path(shutil.which("pg_ctl")).parent)
    for directory in candidates:
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    raise StackError("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql")


def make_root() -> Path:
    # As root the dir must be reachable by the server user: /tmp, not a private $TMPDIR.
    base = "/tmp" if os.geteuid() == 0 else None  # noqa: S108
    return Path(tempfile.mkdtemp(prefix="bifrost-fault.", dir=base))
