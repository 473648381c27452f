"""Thin Celery wrappers; the work is in programme.reminders."""

from celery import shared_task

from programme import reminders


@shared_task(name="programme.send_due_reminders")
def send_due_reminders() -> int:
    return reminders.send_due()
