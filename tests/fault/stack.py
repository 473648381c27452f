"""The whole BIFROST stack as real processes on loopback, for the fault tests.

`Stack` starts, in one temp dir and on free 127.0.0.1 ports: a throwaway
PostgreSQL cluster (initdb/pg_ctl, as the `postgres` user when we are root, the
way scripts/test.sh does), migrated and loaded with `demo_data`; its own
redis-server (no persistence, so a restart is an empty Redis); gunicorn serving
`bifrost.wsgi` (2 gthread workers); a Celery worker for the `default` queue; a
Celery worker for `-Q exports --concurrency 1` (the docker-compose flags); and
Celery beat with its schedule file in the temp dir.

The tests stop and restart these servers, so nothing here ever talks to the
machine's own PostgreSQL or Redis. Every process is started in its own session
(process group = its PID) and `close()` ends each of those groups by PID (TERM,
then KILL), stops the cluster with pg_ctl (then its postmaster PID) and removes
the temp dir: also when a start fails halfway.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.fault.postgres import PostgresCluster
from tests.fault.procs import (
    EXPORT_WORKER_ARGS,
    FAULT_SETTINGS,
    LOOPBACK,
    NOT_INHERITED,
    PYTHON,
    REPO,
    Process,
    StackError,
    _signal_group,
    alive,
    free_port,
    port_open,
    wait_until,
)


@dataclass
class Stack(PostgresCluster):
    root: Path
    pg_port: int = 0
    redis_port: int = 0
    web_port: int = 0
    processes: dict[str, Process] = field(default_factory=dict)
    #: Every process group we started (kept after a kill, so teardown finds leftovers).
    groups: list[int] = field(default_factory=list)
    pg_bin: Path | None = None
    pg_user: str | None = None

    # --- paths and environment ---------------------------------------------------
    @property
    def mail_dir(self) -> Path:
        return self.root / "mail"

    @property
    def media_root(self) -> Path:
        return self.root / "media"

    @property
    def pg_dir(self) -> Path:
        return self.root / "pg"

    @property
    def database_url(self) -> str:
        return f"postgres://postgres@{LOOPBACK}:{self.pg_port}/bifrost"

    @property
    def redis_url(self) -> str:
        return f"redis://{LOOPBACK}:{self.redis_port}/0"

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.web_port}"

    def env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("PYTEST_") and k not in NOT_INHERITED
        }
        env.update(
            FAULT_SETTINGS,
            DJANGO_SETTINGS_MODULE="bifrost.settings",
            DJANGO_ENV="test",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            CELERY_TASK_ALWAYS_EAGER="false",
            EMAIL_URL=f"filemail://{self.mail_dir}",
            MEDIA_ROOT=str(self.media_root),
            ALLOWED_HOSTS=LOOPBACK,
            SITE_URL=self.base_url,
            LOG_LEVEL="INFO",
            PYTHONUNBUFFERED="1",
        )
        return env

    # --- start -------------------------------------------------------------------
    def start(self) -> None:
        self.mail_dir.mkdir()
        self.media_root.mkdir()
        self.pg_port, self.redis_port, self.web_port = free_port(), free_port(), free_port()
        self._init_postgres()
        self.start_postgres()
        self._create_database()
        self.start_redis()
        self.manage("migrate", "--noinput", timeout=300)
        self.manage("demo_data", timeout=300)
        # Spawned together, then waited for: their imports overlap on two cores.
        self.start_web()
        workers = [
            self.start_default_worker(wait=False),
            self.start_exports_worker(wait=False),
        ]
        self.start_beat()
        for worker in workers:
            self.wait_ready(worker)
        wait_until(self._web_ready, timeout=60, what="gunicorn /healthz 200")

    def _spawn(self, name: str, argv: list[str]) -> Process:
        log = self.root / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(  # noqa: S603 - fixed argv
                argv,
                cwd=REPO,
                env=self.env(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, ended by PID
            )
        self.groups.append(popen.pid)
        process = Process(name, popen, log)
        self.processes[name] = process
        return process

    def manage(self, *args: str, timeout: float = 120) -> str:
        """Run `manage.py <args>` against this stack; returns its stdout."""
        result = subprocess.run(  # noqa: S603 - fixed argv
            [PYTHON, "manage.py", *args],
            cwd=REPO,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise StackError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def shell(self, code: str, *, timeout: float = 120) -> str:
        return self.manage("shell", "-c", code, timeout=timeout)

    def start_redis(self) -> None:
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        # Same flags as scripts/test.sh, but in the foreground so we hold its PID.
        self._spawn(
            "redis",
            [
                server,
                "--port",
                str(self.redis_port),
                "--bind",
                LOOPBACK,
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.root),
            ],
        )
        wait_until(lambda: port_open(self.redis_port), timeout=20, what="redis-server")

    def stop_redis(self) -> None:
        """SIGTERM our redis-server by PID and wait until it is gone."""
        self._end("redis", signal.SIGTERM)
        wait_until(lambda: not port_open(self.redis_port), timeout=10, what="redis to stop")

    # --- the app's processes -----------------------------------------------------
    def start_web(self) -> None:
        self._spawn(
            "web",
            [
                PYTHON,
                "-m",
                "gunicorn",
                "bifrost.wsgi:application",
                "--bind",
                f"{LOOPBACK}:{self.web_port}",
                "--workers",
                "2",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--timeout",
                "60",
                "--access-logfile",
                "-",
                # Request time in seconds (%(L)s) last: the tests read server-side durations.
                "--access-logformat",
                '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(L)s',
            ],
        )

    def _celery_worker(self, name: str, extra: list[str], *, wait: bool) -> Process:
        process = self._spawn(
            name,
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "bifrost",
                "worker",
                "-l",
                "info",
                "--hostname",
                f"{name}-{len(self.groups)}@fault",
                *extra,
            ],
        )
        if wait:
            self.wait_ready(process)
        return process

    def wait_ready(self, process: Process) -> None:
        """Until the Celery worker logged "ready." (it consumes from then on)."""
        wait_until(
            lambda: (
                " ready." in process.log.read_text(errors="replace")
                or process.popen.poll() is not None
            ),
            timeout=60,
            what=f"{process.name} to be ready",
        )
        if process.popen.poll() is not None:
            raise StackError(f"{process.name} exited; see {process.log}")

    def start_default_worker(self, *, wait: bool = True) -> Process:
        return self._celery_worker("worker", ["-Q", "default", "--concurrency", "2"], wait=wait)

    def start_exports_worker(self, *, wait: bool = True) -> Process:
        # A restarted worker gets a fresh log, so "ready." is its own.
        old = self.root / "export-worker.log"
        if old.exists():
            old.rename(self.root / f"export-worker-{len(self.groups)}.log")
        return self._celery_worker("export-worker", EXPORT_WORKER_ARGS, wait=wait)

    def start_beat(self) -> Process:
        return self._spawn(
            "beat",
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "bifrost",
                "beat",
                "-l",
                "info",
                "--schedule",
                str(self.root / "celerybeat-schedule"),
            ],
        )

    def _web_ready(self) -> bool:
        import urllib.request

        try:
            with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=3) as response:  # noqa: S310 - loopback
                return response.status == 200
        except OSError:
            return False

    def log_mark(self, name: str = "web") -> int:
        """The current end of a process's log, for `served(since=...)`."""
        return (self.root / f"{name}.log").stat().st_size

    def served(
        self, method: str, path_prefix: str, *, since: int = 0
    ) -> list[tuple[str, int, float]]:
        """(path with query, status, seconds) of each request gunicorn logged for
        `method path_prefix...` after a `log_mark()`: the server's own timing, also of
        a request the client gave up on."""
        pattern = re.compile(
            rf'"{method} ({re.escape(path_prefix)}\S*) HTTP/[\d.]+" (\d+) \S+ ([\d.]+)$'
        )
        text = (self.root / "web.log").read_bytes()[since:].decode(errors="replace")
        found = []
        for line in text.splitlines():
            match = pattern.search(line)
            if match:
                found.append((match.group(1), int(match.group(2)), float(match.group(3))))
        return found

    # --- stopping ----------------------------------------------------------------
    def _end(self, name: str, sig: signal.Signals, *, wait: float = 10) -> None:
        process = self.processes.pop(name)
        _signal_group(process.pid, sig)
        try:
            process.popen.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.popen.wait(timeout=10)

    def close(self, *, remove: bool = True) -> None:
        """End everything we started, by PID; remove the temp dir (unless told not to)."""
        for name in reversed(list(self.processes)):
            with contextlib.suppress(Exception):
                self._end(name, signal.SIGTERM)
        for group in self.groups:  # leftovers, e.g. the killed export worker's child
            _signal_group(group, signal.SIGKILL)
        if self.pg_bin is not None and (self.pg_dir / "data").exists():
            with contextlib.suppress(Exception):
                self._pg(
                    str(self.pg_bin / "pg_ctl"),
                    "stop",
                    "-D",
                    str(self.pg_dir / "data"),
                    "-m",
                    "immediate",
                )
            pid = self.postmaster_pid()
            if pid is not None and alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        if remove:
            shutil.rmtree(self.root, ignore_errors=True)
