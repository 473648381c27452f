"""The proxy's configuration files, without the running stack: gunicorn's settings
(deploy/gunicorn.conf.py), the nginx template as the compose values fill it in
(`nginx -t`), and the placeholders agreeing between template, start script and
docker-compose.yml."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.ops.proxy_stack import (
    DEPLOY,
    PLACEHOLDER,
    ROOT,
    TEMPLATE,
    make_certificate,
    nginx_binary,
    write_nginx_config,
)


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
