"""Thin Celery tasks of the core."""

from celery import shared_task

from bifrost.core import emails


@shared_task(name="core.send_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, to: list[str], subject: str, body: str) -> None:
    emails.deliver(to=to, subject=subject, body=body)


@shared_task(name="core.purge_exports")
def purge_exports() -> int:
    """Delete every registered export kind's files past their retention."""
    from bifrost.core.exports import kinds

    return kinds.purge_all()
