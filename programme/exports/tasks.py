"""The agenda PDF's Celery task (the export kind queues it by name)."""

from celery import shared_task

from programme.exports import services
from programme.exports.agenda import TASK


# Routed to the "exports" queue (CELERY_TASK_ROUTES). A PDF is CPU- and memory-heavy,
# hence its own, shorter time limits than the project-wide 600 s.
@shared_task(
    name=TASK,
    bind=True,
    acks_late=True,
    time_limit=300,
    soft_time_limit=270,
    autoretry_for=(OSError,),
    max_retries=2,
)
def export_agenda_pdf(self, export_id: int) -> str:
    return services.agenda_pdf_build(export_id=export_id)
