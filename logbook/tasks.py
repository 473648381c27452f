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


# Routed to the "exports" queue (CELERY_TASK_ROUTES), consumed by the export-worker
# service only. A PDF is CPU- and memory-heavy, hence its own, shorter time limits
# than the project-wide 600 s; a 500-entry logbook takes well under a minute.
@shared_task(
    name="logbook.export_pdf",
    bind=True,
    acks_late=True,
    time_limit=300,
    soft_time_limit=270,
    autoretry_for=(OSError,),
    max_retries=2,
)
def export_pdf(self, export_id: int) -> str:
    from logbook import exports

    return exports.build_pdf(export_id)
