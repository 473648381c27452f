"""Reads for calendar feeds. Which meetings a feed holds is the rule
`programme.meetings.rules.meetings_visible`, asked by the view."""

from programme.models import CalendarFeed


def active_feed_of(user) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.filter(user=user, revoked_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def feed_by_token(token: str) -> CalendarFeed | None:
    """The active feed for a token, or None for unknown, revoked or inactive-user tokens
    (one answer for all three, so a token's history leaks nothing)."""
    return (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=CalendarFeed.hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
