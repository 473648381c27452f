"""Queue a Celery task by its registered name after the commit.

Services queue tasks and tasks call services; naming the task instead of
importing it keeps the layers one-way (tasks → services) with no import
inside a function to break the cycle.
"""

import logging
import threading

from django.db import transaction

logger = logging.getLogger(__name__)
# Celery's autodiscovery is not safe to run from two threads at once (sweepers run
# in threads in tests, and a threaded web worker may queue on two requests).
_discovery = threading.Lock()


def task(name: str):
    """The registered task `name` (autodiscovered from every app's tasks.py)."""
    from bifrost.celery import app

    if name not in app.tasks:
        # Outside a worker (web process, eager mode) the apps' tasks modules are
        # imported only when first needed: this runs Celery's autodiscovery.
        with _discovery:
            if name not in app.tasks:
                app.loader.import_default_modules()
    return app.tasks[name]


def after_commit(name: str, *args, **kwargs) -> None:
    """Run `name.delay(*args, **kwargs)` once the surrounding transaction commits."""
    transaction.on_commit(lambda: task(name).delay(*args, **kwargs))


def after_commit_or_sweep(name: str, *args, **kwargs) -> None:
    """Like `after_commit` for work a sweeper also finds in the database: when the
    broker cannot be reached the request goes on (the broker's short timeouts keep
    it from hanging) and the sweeper does the work once the broker is back."""

    def publish() -> None:
        try:
            task(name).delay(*args, **kwargs)
        except Exception:  # broker down: the row waits for the sweeper
            logger.warning("could not queue %s; the sweeper will pick it up", name, exc_info=True)

    transaction.on_commit(publish)
