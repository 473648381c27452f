"""Reads of notifications: a fixed number of queries whatever their number."""

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from bifrost.core.models import Notification, NotificationPreference
from bifrost.core.notifications import kinds

_UNREAD = "_bifrost_unread_count"


def unread_count(user: Any) -> int:
    """The bell's number: one query, or none when the person's roles were read in this
    request (`bifrost.accounts.selectors.roles_of` reads the count with them)."""
    known = getattr(user, _UNREAD, None)
    if known is not None:
        return known
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def remember_unread_count(user: Any, count: int) -> None:
    """Keep the count read together with the roles on this request's user object."""
    setattr(user, _UNREAD, count)


def notifications_of(user: Any) -> QuerySet[Notification]:
    """The person's notifications, newest first (paginate it: one query a page)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def notification_of(user: Any, pk: int) -> Notification | None:
    """The notification `pk` if it is `user`'s; None for someone else's or a missing one."""
    return Notification.objects.filter(recipient=user, pk=pk).first()


def modes_of(user: Any) -> dict[str, str]:
    """Every registered kind → the person's mode (the kind's default if never chosen)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "mode"))
    return {kind.key: chosen.get(kind.key, kind.default_mode) for kind in kinds.all_kinds()}


def modes_for(kind: str, user_ids: Iterable[int]) -> dict[int, str]:
    """Each person's mode for one kind: one query for any number of people."""
    default = kinds.get(kind).default_mode
    ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(kind=kind, user_id__in=ids).values_list(
            "user_id", "mode"
        )
    )
    return {user_id: chosen.get(user_id, default) for user_id in ids}
