"""The reminder sweeper's Celery task (scheduled by the beat every five minutes)."""

from celery import shared_task
from django.utils import timezone

from programme.reminders import services


@shared_task(name="programme.send_due_reminders")
def send_due_reminders() -> int:
    # Plan first: people who joined an enrolled company since the last plan
    # get their reminders too.
    now = timezone.now()
    services.reminders_plan_upcoming(now=now)
    return services.reminders_send_due(now=now)
