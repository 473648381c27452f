"""Celery: configuration, on-commit enqueueing, and a round trip through real Redis."""

import os
import subprocess
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from bifrost.celery import app

ROOT = Path(__file__).resolve().parents[2]


def test_celery_is_configured_for_at_least_once_delivery():
    conf = app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    # One visibility timeout for broker and results, longer than any task may run.
    timeout = settings.CELERY_VISIBILITY_TIMEOUT
    assert conf.broker_transport_options["visibility_timeout"] == timeout
    assert conf.result_backend_transport_options["visibility_timeout"] == timeout
    assert conf.task_time_limit < timeout


@pytest.mark.broker
def test_round_trip_through_real_redis_with_a_real_worker(settings):
    """Start a worker process, send it a task over Redis, get the answer back."""
    assert settings.REDIS_URL, "the suite runs with REDIS_URL set (make test does it)"
    queue = f"test-{uuid.uuid4().hex}"  # our own queue: never steal others' tasks
    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "false"}
    worker = subprocess.Popen(  # noqa: S603 - fixed argv
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "bifrost",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-Q",
            queue,
            "-l",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    app.conf.task_always_eager = False
    try:
        result = app.send_task(
            "bifrost.ping", args=["hej fra testen"], queue=queue, ignore_result=False
        )
        # disable_sync_subtasks: an eager task earlier in the run may leave Celery
        # believing it is inside a task; this test is not.
        assert result.get(timeout=60, disable_sync_subtasks=False) == "hej fra testen"
        assert result.successful()
    finally:
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    assert worker.returncode is not None, output


def test_a_normal_shutdown_of_the_export_worker_lets_the_running_pdf_finish():
    """docker-compose's export-worker: the grace period before SIGKILL is longer than a
    PDF may run, and the broker redelivers only after both (the heartbeat recovers a
    killed export long before that)."""
    import re

    compose = (ROOT / "docker-compose.yml").read_text()
    block = compose[compose.index("  export-worker:") :].split("\n  beat:")[0]
    time_limit = int(re.search(r'--time-limit\n\s+- "(\d+)"', block).group(1))
    grace = int(re.search(r"stop_grace_period: (\d+)s", block).group(1))
    assert grace > time_limit
    assert grace < settings.CELERY_VISIBILITY_TIMEOUT
    assert grace > settings.EXPORT_STALLED_AFTER_SECONDS


def _worker(queues):
    queues_ = SimpleNamespace(consume_from=dict.fromkeys(queues))
    return SimpleNamespace(app=SimpleNamespace(amqp=SimpleNamespace(queues=queues_)))


@pytest.mark.parametrize(("queues", "preloads"), [(["exports"], True), (["default"], False)])
def test_only_the_pdf_worker_preloads_weasyprint(monkeypatch, queues, preloads):
    # The export worker's processes start with WeasyPrint imported (no 1.5–4 s on
    # their first PDF); the default worker (e-mail, reminders) never loads it.
    from bifrost import celery
    from bifrost.core import pdf

    calls = []
    monkeypatch.setattr(pdf, "preload", lambda: calls.append(True))
    celery.preload_pdf_library(sender=_worker(queues))
    assert bool(calls) is preloads
