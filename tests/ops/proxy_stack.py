"""The proxy tests' stack: nginx (deploy/nginx/bifrost.conf.template) in front of
gunicorn (deploy/gunicorn.conf.py), as real processes on loopback ports, with the
project's WSGI app on the test database.

Plain helpers, not tests: the `proxy_stack` fixture (tests/ops/conftest.py) starts them;
the configuration tests use the rendering and the certificate alone.
"""

import contextlib
import gzip
import os
import re
import shutil
import signal
import ssl
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.ops.helpers import url_of_test_database

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "nginx" / "bifrost.conf.template"
PLACEHOLDER = re.compile(r"\$\{(BIFROST_[A-Z_]+)\}")


@dataclass
class Stack:
    workdir: Path
    http_port: int
    https_port: int
    gunicorn_port: int
    tls: ssl.SSLContext

    @property
    def gunicorn_log(self) -> Path:
        return self.workdir / "gunicorn-access.log"

    def gunicorn_saw(self, marker: str) -> bool:
        # gunicorn logs each request after answering it; give it a moment.
        time.sleep(0.3)
        return marker in self.gunicorn_log.read_text()

    def logs(self) -> str:
        parts = []
        for name in ("error.log", "gunicorn.log"):
            path = self.workdir / name
            if path.exists():
                parts.append(f"--- {name} ---\n{path.read_text()[-3000:]}")
        return "\n".join(parts)


# --- the nginx configuration ---------------------------------------------------------


def render_site_config(values: dict[str, str]) -> str:
    text = TEMPLATE.read_text()
    assert set(PLACEHOLDER.findall(text)) == set(values), "the template's placeholders changed"
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if not found:
        pytest.fail("nginx not found: run `bash scripts/ensure-nginx.sh`.", pytrace=False)
    return found


def worker_user_line() -> str:
    """As root, nginx's workers need a user (as in production: www-data)."""
    if os.geteuid() != 0:
        return ""
    import grp
    import pwd

    for user, group in (("www-data", "www-data"), ("nobody", "nogroup")):
        try:
            pwd.getpwnam(user)
            grp.getgrnam(group)
        except KeyError:
            continue
        return f"user {user} {group};"
    return "user root root;"


def stack_values(workdir: Path, stack: "Stack") -> dict[str, str]:
    """The template's placeholders for the test stack (compose: docker-compose.yml)."""
    return {
        "BIFROST_HTTP_LISTEN": f"127.0.0.1:{stack.http_port}",
        "BIFROST_HTTPS_LISTEN": f"127.0.0.1:{stack.https_port}",
        "BIFROST_UPSTREAM": f"127.0.0.1:{stack.gunicorn_port}",
        "BIFROST_RESOLVER": "127.0.0.1",  # unused: the upstream is an address
        "BIFROST_STATIC_ROOT": str(workdir / "static"),
        "BIFROST_ERROR_ROOT": str(workdir / "errors"),
        "BIFROST_TLS_CERT": str(workdir / "cert.pem"),
        "BIFROST_TLS_KEY": str(workdir / "key.pem"),
    }


#: The proxy container's own top-level configuration (Dockerfile, target "proxy").
MAIN_CONFIG = DEPLOY / "nginx" / "nginx.conf"


def main_config_setting(name: str) -> str:
    """A process setting of `MAIN_CONFIG` (`worker_processes`, `worker_connections`),
    so the local stack runs nginx the way the container does."""
    found = re.search(rf"^\s*{name}\s+(\S+);", MAIN_CONFIG.read_text(), re.MULTILINE)
    if found is None:
        raise ValueError(f"{MAIN_CONFIG} sets no {name}")
    return found.group(1)


def write_nginx_config(workdir: Path, values: dict[str, str]) -> Path:
    """The site template filled in with `values`, inside a top-level configuration
    with this test's own pid file, logs and temporary directories, and the container's
    worker processes and connections (a smaller limit here made the 200-user load
    test fail on nginx's connections, not the site's)."""
    (workdir / "bifrost.conf").write_text(render_site_config(values))
    (workdir / "temp").mkdir()
    temp_paths = "\n".join(
        f"    {kind}_temp_path {workdir / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = workdir / "nginx.conf"
    config.write_text(
        f"""daemon off;
worker_processes {main_config_setting("worker_processes")};
{worker_user_line()}
pid {workdir}/nginx.pid;
error_log {workdir}/error.log info;
events {{ worker_connections {main_config_setting("worker_connections")}; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {workdir}/access.log;
{temp_paths}
    include {workdir}/bifrost.conf;
}}
"""
    )
    return config


def make_certificate(workdir: Path) -> None:
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.fail("openssl not found: run `bash scripts/ensure-nginx.sh`.", pytrace=False)
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(workdir / "key.pem"), "-out", str(workdir / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


def collect_static(workdir: Path) -> None:
    """manage.py collectstatic into the stack's static root, plus files only nginx can
    know about (not in any app's static folder, so WhiteNoise could not serve them)."""
    static = workdir / "static"
    with override_settings(STATIC_ROOT=static):
        call_command("collectstatic", interactive=False, verbosity=0)
    (static / "ops-marker.txt").write_text("served by nginx\n")
    (static / "css" / "app.0123456789ab.css").write_text("body { color: black; }\n")
    (static / "css" / "gz-test.css").write_text("p { margin: 0; }\n" * 100)
    (static / "css" / "gz-test.css.gz").write_bytes(gzip.compress(b"p { margin: 0; }\n" * 100))
    for path in [static, *static.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


# --- the processes ----------------------------------------------------------------


def start(argv: list[str], log: Path, env: dict | None = None) -> subprocess.Popen:
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 - fixed argv
            argv,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one below
        )


def stop(process: subprocess.Popen, sig: int) -> None:
    """Stop a process we started (and its children, in its own group), by its id."""
    if process.poll() is None:
        process.send_signal(sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # workers left behind, if any
    process.wait(timeout=10)


def wait_until(check, process: subprocess.Popen, what: str, stack: Stack, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} exited with {process.returncode}\n{stack.logs()}", pytrace=False)
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{what} did not come up within {timeout} s\n{stack.logs()}", pytrace=False)


def gunicorn_env(stack: Stack) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GUNICORN_")}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.ops.probe_settings",
        DATABASE_URL=url_of_test_database(),
        GUNICORN_BIND=f"127.0.0.1:{stack.gunicorn_port}",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="1",
        GUNICORN_ACCESS_LOG=str(stack.gunicorn_log),
    )
    return env
