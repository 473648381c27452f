"""The Celery app. Configuration lives in settings (CELERY_* names)."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bifrost.settings")

app = Celery("bifrost")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

PDF_QUEUE = "exports"  # CELERY_TASK_ROUTES sends the PDF tasks there


@worker_init.connect
def preload_pdf_library(sender, **kwargs) -> None:
    """A worker consuming the PDF queue imports WeasyPrint once, before it forks its
    processes: each process (also one replacing a process past
    --max-memory-per-child) then starts with it loaded, instead of spending 1.5–4 s
    of its first PDF on the import (tests/bench/agenda_pdf_bench.py). Other workers
    never load it."""
    if PDF_QUEUE in sender.app.amqp.queues.consume_from:
        from bifrost.core.pdf import preload

        preload()
