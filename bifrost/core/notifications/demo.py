"""Notifications dated as the demo's story has them (used by the apps' `demo` modules only).

The apps' demo loaders cause notifications through the real services, so the demo
shows the same titles and links a real event gives; but the services stamp them
"now". Dating them at the event makes the bell and the list read like the
programme so far: the last days' news unread, older news read an hour after it
came and counted as e-mailed (so no digest sends the whole story at once).
"""

from datetime import datetime, timedelta

from django.utils import timezone

from bifrost.core.models import Notification

#: News younger than this is left unread in the demo.
UNREAD_FOR = timedelta(days=4)


def notifications_date(*, cause: str, at: datetime, now: datetime | None = None) -> int:
    """Date every notification of `cause` at `at` (never later than now); returns how many."""
    now = now or timezone.now()
    at = min(at, now)
    read_at = at + timedelta(hours=1) if now - at > UNREAD_FOR else None
    return Notification.objects.filter(cause=cause).update(
        created_at=at, read_at=read_at, emailed_at=at
    )
