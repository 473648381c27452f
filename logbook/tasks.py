"""Thin Celery wrappers around logbook services."""

from celery import shared_task


@shared_task(name="logbook.send_reminders")
def send_reminders() -> int:
    from logbook import reminders

    return reminders.send_due()


@shared_task(name="logbook.purge_expired")
def purge_expired() -> None:
    """Entries deleted more than 30 days ago, and export files older than 7 days."""
    from logbook import exports, services

    services.entries_purge_expired()
    exports.purge_expired()
