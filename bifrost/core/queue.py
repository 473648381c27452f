"""Queue a Celery task by its registered name after the commit.

Services queue tasks and tasks call services; naming the task instead of
importing it keeps the layers one-way (tasks → services) with no import
inside a function to break the cycle.
"""

from django.db import transaction


def task(name: str):
    """The registered task `name` (autodiscovered from every app's tasks.py)."""
    from bifrost.celery import app

    if name not in app.tasks:
        # Outside a worker (web process, eager mode) the apps' tasks modules are
        # imported only when first needed: this runs Celery's autodiscovery.
        app.loader.import_default_modules()
    return app.tasks[name]


def after_commit(name: str, *args, **kwargs) -> None:
    """Run `name.delay(*args, **kwargs)` once the surrounding transaction commits."""
    transaction.on_commit(lambda: task(name).delay(*args, **kwargs))
