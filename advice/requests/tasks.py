"""Beat tasks of the request flow: thin and idempotent (the services claim each
request with a guarded UPDATE, so a second run or a second worker sends nothing)."""

from celery import shared_task

from advice.requests import services


@shared_task(name="advice.remind_representatives")
def remind_representatives() -> int:
    return services.requests_remind_due()


@shared_task(name="advice.expire_requests")
def expire_requests() -> int:
    return services.requests_expire_due()
