"""The reminder tests' world (see `helpers.World`) and a sweep that sends its e-mails."""

from datetime import datetime

import pytest

from programme.reminders import services
from tests.programme.reminders.helpers import World


@pytest.fixture
def world(db, facilitator, django_capture_on_commit_callbacks) -> World:
    return World(django_capture_on_commit_callbacks, facilitator)


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run the sweeper and then the on-commit callbacks (the queued e-mail tasks)."""

    def run(now: datetime) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return services.reminders_send_due(now=now)

    return run
