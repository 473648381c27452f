"""Thin Celery tasks of the core."""

from celery import shared_task

from bifrost.core import outbox
from bifrost.core.exports import kinds
from bifrost.core.notifications import services as notification_services


@shared_task(name="core.send_outbox_email")
def send_outbox_email(email_id: int) -> str:
    return outbox.send_one(email_id)


@shared_task(name="core.sweep_outbox")
def sweep_outbox() -> int:
    """Beat: send what is still unsent (broker was down, or the server refused)."""
    return outbox.sweep()


@shared_task(name="core.purge_outbox")
def purge_outbox() -> int:
    """Beat, daily: finished e-mails older than 30 days are deleted."""
    return outbox.purge()


@shared_task(name="core.purge_exports")
def purge_exports() -> int:
    """Delete every registered export kind's files past their retention."""
    return kinds.purge_all()


@shared_task(name="core.recover_exports")
def recover_exports() -> int:
    """Beat: re-queue exports whose worker died while building them."""
    return kinds.recover_all()


@shared_task(name="core.send_notification_digests")
def send_notification_digests() -> int:
    """Beat, daily: each person's digest of their notifications (once per day)."""
    return notification_services.digests_send()
