"""gunicorn serving the real `bifrost.wsgi` on a free loopback port, in a process
group of its own that is stopped by its id (SIGTERM, then SIGKILL of that group
only), and a plain GET to check a page."""

import http.client
import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.bench.knowledge_site.config import BIN, HELLO_PATH, REPO


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 10.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Gunicorn:
    """One gunicorn master (own process group) serving bifrost.wsgi on loopback."""

    def __init__(self, *, workers: int, env: dict, log_dir: Path, label: str):
        self.workers = workers
        self.env = {**os.environ, **env, "PYTHONPATH": str(REPO)}
        self.log_path = log_dir / f"gunicorn-{re.sub(r'[^a-z0-9]+', '-', label.lower())}.log"
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self, ready_timeout: float = 30.0) -> None:
        self.port = free_port()
        cmd = [
            str(BIN / "gunicorn"),
            "bifrost.wsgi:application",
            "--chdir", str(REPO),
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", "sync",
            "--timeout", "30",
            "--graceful-timeout", "5",
            "--log-level", "warning",
            "--no-control-socket",
        ]  # fmt: skip
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(  # noqa: S603 - fixed argv, our own venv
            cmd,
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped as one, by its id
        )
        log.close()
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited early:\n{self.log_tail()}")
            try:
                status, _body = http_get(self.port, HELLO_PATH, timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready after {ready_timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        pgid = proc.pid  # start_new_session: the group id is the master's pid
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(pgid, signal.SIGKILL)
                proc.wait(timeout=5)
        # Workers leave with the master; make sure none of this group lingers.
        for _ in range(50):
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.killpg(pgid, signal.SIGKILL)
