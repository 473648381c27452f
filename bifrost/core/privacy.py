"""The core's part of a person's data: the e-mails in the outbox addressed to them.

The download lists them without their bodies (an invitation's body holds its link).
Deleting the account deletes the e-mails to the person alone and takes their
address off the e-mails still waiting for several people, so nothing more is sent
to it. A row being sent at this moment is left to the sender and the outbox purge.
"""

from typing import Any

from bifrost.core.models import OutboxEmail


def _addressed_to(user):
    return OutboxEmail.objects.filter(to__contains=[user.email])


def collect(user) -> dict[str, Any]:
    return {
        "emails": [
            {
                "subject": row.subject,
                "status": row.status,
                "created_at": row.created_at,
                "sent_at": row.sent_at,
            }
            for row in _addressed_to(user).order_by("created_at", "pk")
        ]
    }


def erase(user) -> None:
    not_sending = _addressed_to(user).exclude(status=OutboxEmail.Status.SENDING)
    not_sending.filter(to=[user.email]).delete()
    waiting = list(not_sending.filter(status=OutboxEmail.Status.PENDING))
    for email in waiting:
        email.to = [address for address in email.to if address != user.email]
    OutboxEmail.objects.bulk_update(waiting, ["to"])
