"""Writes of notifications. `notify` is what every app's services call.

`notify` writes the rows in the caller's transaction (a rolled-back change notifies
no one) and, for people who want it at once, the e-mail to the outbox in the same
transaction (`emails.send(..., key="notification:<pk>")`). The daily digest
(`digests_send`, beat task `core.send_notification_digests`) sends the rest: one
e-mail per person per day (`digest:<user>:<date>`), so a second run sends nothing.

Privacy by construction: a title is a fixed, translatable template filled with
names (people, companies, meetings, programmes); callers never pass what anyone
wrote. E-mails carry only the title and a link.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from bifrost.core import emails
from bifrost.core.http import absolute_url
from bifrost.core.models import Notification, NotificationMode, NotificationPreference, OutboxEmail
from bifrost.core.notifications import kinds, selectors
from bifrost.core.table_versions import written_for

#: Each write here touches named people's rows only: their kept pages are emptied,
#: nobody else's (`bifrost.core.viewer_cache.PER_PERSON`).
NOTIFICATIONS = Notification._meta.db_table

NOTIFICATION_TEMPLATE = "core/email/notification"
DIGEST_TEMPLATE = "core/email/notification_digest"
#: A digest collects what came since about the last one; older unsent rows (a
#: person who switched from "off" to "digest") are not sent after the fact.
DIGEST_WINDOW = timedelta(days=2)


def _check_link(link: str) -> None:
    """A local path only: the open view redirects to it."""
    if not link.startswith("/") or link.startswith("//") or "\\" in link:
        raise ValueError(f"A notification links to a path on this site, not {link!r}")


def _title(title_template: str | Promise, context: Mapping[str, Any]) -> str:
    # Rendered in the platform's language (Danish): people carry no language yet.
    with translation.override(settings.LANGUAGE_CODE):
        text = str(title_template) % {key: str(value) for key, value in context.items()}
    return " ".join(text.split())[:300]


def _people(recipients: Iterable[Any], exclude: Iterable[Any]) -> dict[int, Any]:
    excluded = {user.pk for user in exclude if user is not None}
    return {
        user.pk: user
        for user in recipients
        if user is not None and user.is_active and user.pk not in excluded
    }


def _email_now(notification: Notification, *, now: datetime) -> None:
    emails.send(
        to=[notification.recipient.email],
        template=NOTIFICATION_TEMPLATE,
        context=_email_context([notification]),
        key=f"notification:{notification.pk}",
    )
    notification.emailed_at = now
    notification.save(update_fields=["emailed_at"])


def _email_context(items: list[Notification]) -> dict[str, Any]:
    page = kinds.settings_page()
    return {
        "items": [
            {"title": item.title, "url": absolute_url("core:notification_open", item.pk)}
            for item in items
        ],
        "title": items[0].title,
        "url": absolute_url("core:notification_open", items[0].pk),
        "list_url": absolute_url("core:notifications"),
        "settings_url": absolute_url(page) if page else "",
    }


@transaction.atomic
def notify(
    *,
    kind: str,
    recipients: Iterable[Any],
    link: str,
    cause: str,
    title_template: str | Promise,
    context: Mapping[str, Any] | None = None,
    exclude: Iterable[Any] = (),
) -> list[Notification]:
    """Tell `recipients` (minus `exclude`) that something of `kind` happened.

    `cause` names the event ("comment:17"): a person gets one row per cause however
    often this runs. Returns the rows made now (not those that existed)."""
    kinds.get(kind)
    _check_link(link)
    people = _people(recipients, exclude)
    if not people:
        return []
    title = _title(title_template, context or {})
    modes = selectors.modes_for(kind, people)
    now = timezone.now()
    made = []
    for user_id, user in people.items():
        with written_for(NOTIFICATIONS, [user_id]):
            notification, created = Notification.objects.get_or_create(
                recipient_id=user_id,
                cause=cause[:200],
                defaults={"kind": kind, "title": title, "link": link},
            )
            if not created:
                continue
            notification.recipient = user
            made.append(notification)
            if modes[user_id] == NotificationMode.IMMEDIATE:
                _email_now(notification, now=now)
    return made


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        with written_for(NOTIFICATIONS, [notification.recipient_id]):
            Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
                read_at=notification.read_at
            )
    return notification


def notifications_mark_all_read(*, user: Any) -> int:
    with written_for(NOTIFICATIONS, [user.pk]):
        return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )


@transaction.atomic
def notification_preferences_save(*, user: Any, modes: Mapping[str, str]) -> None:
    """Save the person's mode per kind (unknown kinds or modes are refused)."""
    for kind, mode in modes.items():
        kinds.get(kind)
        if mode not in NotificationMode.values:
            raise ValueError(f"Unknown notification mode: {mode}")
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"mode": mode}
        )


# --- The daily digest ------------------------------------------------------------------


def _digest_due(now: datetime) -> dict[Any, list[Notification]]:
    """Per person, the unread, un-e-mailed notifications whose kind they get as a digest."""
    pending = list(
        Notification.objects.filter(
            emailed_at__isnull=True, read_at__isnull=True, created_at__gte=now - DIGEST_WINDOW
        )
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    user_ids = {item.recipient_id for item in pending}
    chosen = {
        (user_id, kind): mode
        for user_id, kind, mode in NotificationPreference.objects.filter(
            user_id__in=user_ids
        ).values_list("user_id", "kind", "mode")
    }
    due: dict[Any, list[Notification]] = defaultdict(list)
    for item in pending:
        mode = chosen.get((item.recipient_id, item.kind), kinds.default_mode(item.kind))
        if mode == NotificationMode.DIGEST and item.recipient.is_active:
            due[item.recipient].append(item)
    return due


@transaction.atomic
def digest_send(*, user: Any, items: list[Notification], now: datetime) -> bool:
    """One person's digest of the day; False if today's went already."""
    key = f"digest:{user.pk}:{timezone.localdate(now).isoformat()}"
    if OutboxEmail.objects.filter(key=key).exists():
        return False  # sent today: what came since waits for tomorrow's
    emails.send(to=[user.email], template=DIGEST_TEMPLATE, context=_email_context(items), key=key)
    with written_for(NOTIFICATIONS, [user.pk]):
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(emailed_at=now)
    return True


def digests_send(*, now: datetime | None = None) -> int:
    """Beat, daily: every person's digest. Idempotent; returns how many were sent."""
    now = now or timezone.now()
    return sum(
        digest_send(user=user, items=items, now=now) for user, items in _digest_due(now).items()
    )
