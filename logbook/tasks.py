"""The logbook's Celery tasks (Celery finds them here, in `<app>.tasks`): thin
wrappers around the concepts' services. Export files are purged by the core's
scheduled `core.purge_exports` (the logbook PDF is a registered export kind)."""

from celery import shared_task

from logbook.entries import services as entry_services
from logbook.exports.pdf import LOGBOOK_PDF
from logbook.reminders import services as reminder_services


@shared_task(name="logbook.send_reminders")
def send_reminders() -> int:
    return reminder_services.reminders_send_due()


@shared_task(name="logbook.purge_expired")
def purge_expired() -> int:
    """Entries deleted more than 30 days ago."""
    return entry_services.entries_purge_expired()


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
    return LOGBOOK_PDF.build(export_id)
