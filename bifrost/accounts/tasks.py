"""Thin Celery wrappers around account services."""

from celery import shared_task

from bifrost.accounts import emails


@shared_task(
    name="accounts.send_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def send_email(*, to: list[str], subject: str, body: str) -> None:
    emails.deliver(to=to, subject=subject, body=body)


@shared_task(name="bifrost.ping")
def ping(value: str = "pong") -> str:
    """Round-trip check used by tests and operators (`celery call bifrost.ping`)."""
    return value


@shared_task(name="accounts.purge_access_log")
def purge_access_log() -> int:
    from bifrost.accounts import audit

    return audit.purge()
