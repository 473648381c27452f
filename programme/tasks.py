"""Thin Celery wrappers; the work is in programme.reminders and programme.exports."""

from celery import shared_task
from django.utils import timezone

from programme import exports, reminders


@shared_task(name="programme.send_due_reminders")
def send_due_reminders() -> int:
    # Plan first: people who joined an enrolled company since the last plan
    # get their reminders too.
    now = timezone.now()
    reminders.plan_upcoming(now=now)
    return reminders.send_due(now=now)


# Routed to the "exports" queue (CELERY_TASK_ROUTES). A PDF is CPU- and memory-heavy,
# hence its own, shorter time limits than the project-wide 600 s.
@shared_task(
    name="programme.export_agenda_pdf",
    bind=True,
    acks_late=True,
    time_limit=300,
    soft_time_limit=270,
    autoretry_for=(OSError,),
    max_retries=2,
)
def export_agenda_pdf(self, export_id: int) -> str:
    return exports.build_agenda_pdf(export_id)
