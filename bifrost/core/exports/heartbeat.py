"""A running export says it is alive.

A PDF of a long logbook takes seconds to minutes inside one WeasyPrint call,
so progress cannot be written from inside it. Instead a small thread stamps
`heartbeat_at` on the row every `INTERVAL` while the build runs. If the worker
is killed (OOM killer, a hasty `docker stop`) the stamps stop, and the
`core.recover_exports` sweeper re-queues the export after `stalled_after()`
instead of leaving the page at "40 %" until the broker's visibility timeout.
"""

import logging
import threading
from datetime import timedelta
from types import TracebackType

from django.conf import settings
from django.db import connections
from django.utils import timezone

logger = logging.getLogger(__name__)

INTERVAL = timedelta(seconds=10)


def stalled_after() -> timedelta:
    """No stamp for this long: the worker is gone (`EXPORT_STALLED_AFTER_SECONDS`,
    60 s: several intervals, so a busy database never counts as a death). The
    stamp interval shrinks with it so short test settings still stamp in time."""
    return timedelta(seconds=settings.EXPORT_STALLED_AFTER_SECONDS)


def interval() -> timedelta:
    return min(INTERVAL, stalled_after() / 4)


def stamp(model, export_id: int) -> None:
    model._default_manager.filter(pk=export_id).update(heartbeat_at=timezone.now())


class Heartbeat:
    """`with Heartbeat(Model, pk):` stamps the row until the block ends."""

    def __init__(self, model, export_id: int, *, every: timedelta | None = None) -> None:
        self.model = model
        self.export_id = export_id
        self.interval = (every or interval()).total_seconds()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> "Heartbeat":
        # In the embedded mode the build runs inside the request: no worker to lose.
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            self._thread = threading.Thread(target=self._run, name="export-heartbeat", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.interval + 5)

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                try:
                    stamp(self.model, self.export_id)
                except Exception:  # a missed stamp is not fatal; many missed ones are
                    logger.warning("export heartbeat failed", exc_info=True)
        finally:
            connections.close_all()  # this thread's own database connection
