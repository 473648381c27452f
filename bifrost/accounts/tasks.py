"""Thin Celery wrappers around account services."""

from celery import shared_task

from bifrost.accounts import audit


@shared_task(name="bifrost.ping")
def ping(value: str = "pong") -> str:
    """Round-trip check used by tests and operators (`celery call bifrost.ping`)."""
    return value


@shared_task(name="accounts.purge_access_log")
def purge_access_log() -> int:
    return audit.purge()
