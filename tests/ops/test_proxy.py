"""nginx (deploy/nginx/bifrost.conf.template) in front of gunicorn (deploy/gunicorn.conf.py),
as real processes on loopback ports, with the project's WSGI app on the test database.

gunicorn runs with ONE worker and ONE thread here, the harshest case: if a slow
upload reached it, nothing else could be answered until the upload ended. The
figures (upload times, /healthz latencies) are printed; run with -s to see them.
"""

import contextlib
import gzip
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.ops.helpers import free_port, url_of_test_database

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
TEMPLATE = DEPLOY / "nginx" / "bifrost.conf.template"
PLACEHOLDER = re.compile(r"\$\{(BIFROST_[A-Z_]+)\}")

MIB = 1024 * 1024
NGINX_LIMIT = 21 * MIB  # client_max_body_size 21m
DJANGO_FILE_LIMIT = 20 * MIB  # programme's agenda material (AgendaItemForm)
SLOW_RATE = 100_000  # bytes per second, per upload
# Longer than gunicorn's 30 s timeout, which used to cut slow uploads off.
SLOW_BYTES = 3_300_000
SLOW_UPLOADS = 3

# Makes pytest-django create the test database the gunicorn below connects to.
pytestmark = pytest.mark.django_db


# --- the stack: gunicorn + nginx ---------------------------------------------------


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


def write_nginx_config(workdir: Path, values: dict[str, str]) -> Path:
    """The site template filled in with `values`, inside a top-level configuration
    with this test's own pid file, logs and temporary directories."""
    (workdir / "bifrost.conf").write_text(render_site_config(values))
    (workdir / "temp").mkdir()
    temp_paths = "\n".join(
        f"    {kind}_temp_path {workdir / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = workdir / "nginx.conf"
    config.write_text(
        f"""daemon off;
worker_processes 1;
{worker_user_line()}
pid {workdir}/nginx.pid;
error_log {workdir}/error.log info;
events {{ worker_connections 256; }}
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


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker):
    nginx = nginx_binary()
    workdir = Path(tempfile.mkdtemp(prefix="bifrost-ops-proxy-"))
    workdir.chmod(0o755)  # nginx's workers (www-data) read the static files in it
    processes: list[tuple[subprocess.Popen, int]] = []
    try:
        make_certificate(workdir)
        collect_static(workdir)
        shutil.copytree(DEPLOY / "nginx" / "errors", workdir / "errors")
        tls = ssl.create_default_context(cafile=str(workdir / "cert.pem"))
        stack = Stack(workdir, free_port(), free_port(), free_port(), tls)
        config = write_nginx_config(workdir, stack_values(workdir, stack))
        stack.gunicorn_log.touch()

        gunicorn = start(
            [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py")],
            workdir / "gunicorn.log",
            gunicorn_env(stack),
        )
        processes.append((gunicorn, signal.SIGTERM))  # graceful stop
        wait_until(lambda: direct_healthz(stack) == 200, gunicorn, "gunicorn", stack)

        proxy = start(
            [nginx, "-p", f"{workdir}/", "-c", str(config), "-e", str(workdir / "error.log")],
            workdir / "nginx.out",
        )
        processes.append((proxy, signal.SIGQUIT))  # graceful stop
        wait_until(lambda: request(stack, "GET", "/healthz").status == 200, proxy, "nginx", stack)
        yield stack
    finally:
        for process, sig in reversed(processes):
            stop(process, sig)
        shutil.rmtree(workdir, ignore_errors=True)


# --- a small HTTP client on raw sockets -------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self):
        return json.loads(self.body)


def direct_healthz(stack: Stack) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", stack.gunicorn_port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status
    finally:
        connection.close()


def open_tls(stack: Stack, source: str = "127.0.0.1", timeout: float = 30) -> ssl.SSLSocket:
    raw = socket.create_connection(
        ("127.0.0.1", stack.https_port), timeout=timeout, source_address=(source, 0)
    )
    return stack.tls.wrap_socket(raw, server_hostname="127.0.0.1")


def head(method: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_response(sock: socket.socket) -> Response:
    response = http.client.HTTPResponse(sock)
    response.begin()
    return Response(response.status, response.headers, response.read())


def request(
    stack: Stack,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    source: str = "127.0.0.1",
) -> Response:
    headers = dict(headers or {})
    if body or method == "POST":
        headers.setdefault("Content-Length", str(len(body)))
    with open_tls(stack, source) as sock:
        sock.sendall(head(method, path, headers) + body)
        return read_response(sock)


def plain_http(stack: Stack, path: str) -> Response:
    with socket.create_connection(("127.0.0.1", stack.http_port), timeout=10) as sock:
        sock.sendall(head("GET", path, {}))
        return read_response(sock)


class SlowUpload(threading.Thread):
    """POSTs `size` random bytes at `rate` bytes per second; stops after `limit` s."""

    def __init__(self, stack: Stack, tag: str, size: int, rate: int, limit: float = 120):
        super().__init__(daemon=True)
        self.stack, self.tag, self.rate, self.limit = stack, tag, rate, limit
        self.body = os.urandom(size)
        self.response: Response | None = None
        self.error: BaseException | None = None
        self.sent_at = self.seconds = 0.0

    def run(self) -> None:
        try:
            with open_tls(self.stack) as sock:
                headers = {"Content-Length": str(len(self.body))}
                sock.sendall(head("POST", f"/_probe/upload/?{self.tag}", headers))
                started = time.monotonic()
                for offset in range(0, len(self.body), 10_000):
                    if time.monotonic() - started > self.limit:
                        raise TimeoutError(f"{self.tag}: still sending after {self.limit} s")
                    sock.sendall(self.body[offset : offset + 10_000])
                    pause = started + (offset + 10_000) / self.rate - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)
                self.seconds = time.monotonic() - started
                self.sent_at = time.time()
                self.response = read_response(sock)
        except BaseException as error:  # reported by the test
            self.error = error


# --- tests -----------------------------------------------------------------------


def test_slow_uploads_do_not_block_healthz(stack):
    """Three uploads at 100 KB/s for over 30 s: /healthz keeps answering within a
    second, the uploads are not cut off, and Django gets each body at once."""
    uploads = [SlowUpload(stack, f"slow-{n}", SLOW_BYTES, SLOW_RATE) for n in range(SLOW_UPLOADS)]
    for upload in uploads:
        upload.start()
    latencies = []
    while any(upload.is_alive() for upload in uploads):
        started = time.perf_counter()
        response = request(stack, "GET", "/healthz")
        latencies.append(time.perf_counter() - started)
        assert response.status == 200, response.body
        time.sleep(0.25)
    for upload in uploads:
        upload.join(timeout=5)

    for upload in uploads:
        assert upload.error is None, repr(upload.error)
        assert upload.response.status == 200, upload.response.body
        seen = upload.response.json()
        assert seen["bytes"] == SLOW_BYTES
        assert seen["sha256"] == hashlib.sha256(upload.body).hexdigest()
        assert upload.seconds > 30, "the client must really have trickled"
        # Buffered by nginx: Django saw the request only once it was complete, and
        # read the whole body at local speed.
        assert seen["started_at"] >= upload.sent_at - 0.5
        assert seen["read_seconds"] < 1.0
    took = ", ".join(f"{upload.seconds:.1f}" for upload in uploads)
    reads = ", ".join(f"{upload.response.json()['read_seconds'] * 1000:.0f}" for upload in uploads)
    print(
        f"\n{SLOW_UPLOADS} uploads of {SLOW_BYTES} bytes at {SLOW_RATE // 1000} KB/s took "
        f"{took} s; Django read each body in {reads} ms; /healthz x{len(latencies)} meanwhile: "
        f"median {statistics.median(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    assert len(latencies) >= 30
    assert max(latencies) < 1.0


def test_a_declared_body_over_the_limit_gets_413_from_nginx_at_once(stack):
    started = time.perf_counter()
    with open_tls(stack) as sock:
        headers = {"Content-Length": str(25 * MIB), "Content-Type": "application/octet-stream"}
        sock.sendall(head("POST", "/_probe/upload/?too-big-declared", headers))
        sock.sendall(os.urandom(64 * 1024))  # the client starts sending; nginx refuses
        response = read_response(sock)
    elapsed = time.perf_counter() - started
    print(f"\n413 for a declared 25 MiB body after {elapsed * 1000:.0f} ms")
    assert response.status == 413
    assert "Filen er for stor" in response.body.decode()
    assert elapsed < 2
    assert not stack.gunicorn_saw("too-big-declared")


def test_a_chunked_body_over_the_limit_gets_413_and_never_reaches_gunicorn(stack):
    chunk = os.urandom(256 * 1024)
    with open_tls(stack) as sock:
        sock.sendall(
            head("POST", "/_probe/upload/?too-big-chunked", {"Transfer-Encoding": "chunked"})
        )
        sent = 0
        try:
            while sent <= NGINX_LIMIT + MIB:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # nginx stopped reading: its answer is waiting
        response = read_response(sock)
    assert response.status == 413
    assert not stack.gunicorn_saw("too-big-chunked")


def test_a_body_just_under_the_limit_reaches_django_whole(stack):
    """The limit leaves room above Django's 20 MB file limit, so Django's own form
    error, not nginx's page, answers files just over 20 MB."""
    body = os.urandom(DJANGO_FILE_LIMIT + 512 * 1024)
    response = request(stack, "POST", "/_probe/upload/?just-under", body=body)
    assert response.status == 200, response.body
    assert response.json()["sha256"] == hashlib.sha256(body).hexdigest()


def test_django_sees_the_client_address_from_x_forwarded_for(stack):
    """Connect from 127.0.0.2 with forged headers: Django takes the address nginx
    saw, over HTTPS, whatever the client claimed."""
    forged = {
        "X-Forwarded-For": "203.0.113.9",
        "X-Forwarded-Proto": "http",
        "X-Forwarded-Host": "evil.example",
    }
    seen = request(stack, "GET", "/_probe/client/", forged, source="127.0.0.2").json()
    assert seen["client_ip"] == "127.0.0.2"  # bifrost.accounts.audit (access log)
    assert seen["allauth_client_ip"] == "127.0.0.2"  # login rate limits
    assert seen["remote_addr"] == "127.0.0.1"  # nginx itself
    assert seen["x_forwarded_for"] == "203.0.113.9, 127.0.0.2"
    assert seen["x_forwarded_proto"] == "https"
    assert seen["is_secure"] is True
    assert seen["x_forwarded_host"] is None
    assert seen["host"] == "127.0.0.1"

    honest = request(stack, "GET", "/_probe/client/", source="127.0.0.2").json()
    assert honest["x_forwarded_for"] == "127.0.0.2"
    assert honest["client_ip"] == "127.0.0.2"


def test_plain_http_only_redirects_to_https(stack):
    response = plain_http(stack, "/_probe/client/?plain-http")
    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1/_probe/client/?plain-http"
    assert not stack.gunicorn_saw("plain-http")


def test_static_files_are_served_by_nginx(stack):
    site_css = request(stack, "GET", "/static/css/site.css")
    assert site_css.status == 200
    assert site_css.body == (ROOT / "static" / "css" / "site.css").read_bytes()
    assert site_css.headers["Content-Type"] == "text/css"
    assert site_css.headers["Cache-Control"] == "public, max-age=3600"
    assert site_css.headers["X-Content-Type-Options"] == "nosniff"

    # Only in the collected folder: WhiteNoise (in Django) could not have served it.
    marker = request(stack, "GET", "/static/ops-marker.txt")
    assert marker.status == 200 and marker.body == b"served by nginx\n"

    hashed = request(stack, "GET", "/static/css/app.0123456789ab.css")
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"

    compressed = request(stack, "GET", "/static/css/gz-test.css", {"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.body) == b"p { margin: 0; }\n" * 100

    assert request(stack, "GET", "/static/missing.css").status == 404
    assert "/static/" not in stack.gunicorn_log.read_text()


def test_media_is_never_served_by_nginx(stack):
    response = request(stack, "GET", "/media/agenda/2026/slides.pdf?media-probe")
    assert response.status == 404
    assert not stack.gunicorn_saw("media-probe")


def test_gunicorns_own_answers_pass_through_unchanged(stack):
    """Django's responses (here /healthz's JSON) are not replaced by nginx's pages."""
    response = request(stack, "GET", "/healthz")
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["status"] == "ok"
    assert "Server" not in response.headers or "/" not in response.headers["Server"]


# --- the configuration files --------------------------------------------------------


def gunicorn_config(monkeypatch, **env) -> dict:
    import runpy

    for name in [key for key in os.environ if key.startswith("GUNICORN_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def test_gunicorn_uses_gthread_workers_from_the_cpu_count(monkeypatch):
    config = gunicorn_config(monkeypatch)
    cpus = len(os.sched_getaffinity(0))
    assert config["worker_class"] == "gthread"
    assert config["threads"] == 4
    assert config["workers"] == 2 * cpus + 1
    assert config["wsgi_app"] == "bifrost.wsgi:application"
    assert config["bind"] == "0.0.0.0:8000"
    assert config["control_socket_disable"] is True
    assert gunicorn_config(monkeypatch, GUNICORN_WORKERS="3")["workers"] == 3


def compose_proxy_values() -> dict[str, str]:
    compose = (ROOT / "docker-compose.yml").read_text()
    pattern = r'^\s+(BIFROST_[A-Z_]+):\s*"?([^"\n]+?)"?\s*$'
    return dict(re.findall(pattern, compose, re.MULTILINE))


def test_the_compose_values_make_a_valid_nginx_configuration():
    """`nginx -t` on the template as the proxy container fills it in (only the
    certificate is a made-up one here)."""
    workdir = Path(tempfile.mkdtemp(prefix="bifrost-ops-nginx-t-"))
    try:
        make_certificate(workdir)
        values = compose_proxy_values()
        values.update(
            BIFROST_TLS_CERT=str(workdir / "cert.pem"), BIFROST_TLS_KEY=str(workdir / "key.pem")
        )
        config = write_nginx_config(workdir, values)
        result = subprocess.run(
            [nginx_binary(), "-t", "-p", f"{workdir}/", "-c", str(config), "-e", "stderr"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def test_the_placeholders_agree_between_template_start_script_and_compose():
    template = set(PLACEHOLDER.findall(TEMPLATE.read_text()))
    start_script = (DEPLOY / "nginx" / "start.sh").read_text()
    compose = (ROOT / "docker-compose.yml").read_text()
    assert set(PLACEHOLDER.findall(start_script)) == template
    assert set(re.findall(r"^\s+(BIFROST_[A-Z_]+):", compose, re.MULTILINE)) == template
