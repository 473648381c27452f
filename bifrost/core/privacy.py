"""The core's part of a person's data: the e-mails in the outbox addressed to them,
their notifications and their notification settings.

The download lists them without their bodies (an invitation's body holds its link).
Deleting the account deletes the e-mails to the person alone and takes their
address off the e-mails still waiting for several people, so nothing more is sent
to it. A row being sent at this moment is left to the sender and the outbox purge.
Notifications and notification settings are only the person's: they are deleted.
"""

from typing import Any

from bifrost.core.models import Notification, NotificationPreference, OutboxEmail
from bifrost.core.personal_data import delete_own


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
        ],
        "notifications": [
            {
                "kind": row.kind,
                "title": row.title,
                "link": row.link,
                "created_at": row.created_at,
                "read_at": row.read_at,
            }
            for row in Notification.objects.filter(recipient=user).order_by("created_at", "pk")
        ],
        "notification_settings": dict(
            NotificationPreference.objects.filter(user=user)
            .order_by("kind")
            .values_list("kind", "mode")
        ),
    }


def erase(user) -> None:
    delete_own(user, [(Notification, "recipient"), (NotificationPreference, "user")])
    not_sending = _addressed_to(user).exclude(status=OutboxEmail.Status.SENDING)
    not_sending.filter(to=[user.email]).delete()
    waiting = list(not_sending.filter(status=OutboxEmail.Status.PENDING))
    for email in waiting:
        email.to = [address for address in email.to if address != user.email]
    OutboxEmail.objects.bulk_update(waiting, ["to"])
