"""The bell's unread count for every page: one query, and only for a signed-in person
(lazily, so a page that shows no header runs none)."""

from django.utils.functional import SimpleLazyObject

from bifrost.core.notifications import selectors


def unread(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifications_unread": SimpleLazyObject(lambda: selectors.unread_count(user))}
