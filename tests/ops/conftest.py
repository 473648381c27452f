"""Operations tests: the reverse proxy, gunicorn, backups, storage and disk checks.

Every test in this folder carries the `ops` marker. They run in `make test` (and
so in CI); the ones that need nginx fail, never skip, when it is missing: install
it with `bash scripts/ensure-nginx.sh` (the Makefile's `test` target does).
"""

import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.ops.helpers import free_port
from tests.ops.proxy_client import direct_healthz, request
from tests.ops.proxy_stack import (
    DEPLOY,
    Stack,
    collect_static,
    gunicorn_env,
    make_certificate,
    nginx_binary,
    stack_values,
    start,
    stop,
    wait_until,
    write_nginx_config,
)

OPS_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if OPS_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.ops)


@pytest.fixture(scope="package")
def proxy_stack(django_db_setup, django_db_blocker):
    """nginx in front of gunicorn (ONE worker, ONE thread: the harshest case), on free
    loopback ports, serving the project's WSGI app on the test database.

    Started once for every proxy test module (test_proxy_*.py) and stopped, with
    its temporary directory, after the last test of this folder.
    """
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
