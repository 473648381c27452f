"""The case's Celery task (scheduled by the beat once a day)."""

from celery import shared_task

from matching.cases import services


@shared_task(name="matching.notify_tasks_due")
def notify_tasks_due() -> int:
    """Tell each task's owner the day before it is due (idempotent per task and day)."""
    return services.tasks_notify_due_tomorrow()
