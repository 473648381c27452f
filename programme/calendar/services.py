"""Writes for the personal calendar feed: a new secret link, or none."""

import secrets

from django.db import transaction
from django.utils import timezone

from bifrost.accounts.models import User
from programme.models import CalendarFeed


@transaction.atomic
def calendar_feed_create(*, user: User) -> tuple[CalendarFeed, str]:
    """A new personal feed; the previous one stops working.

    Returns the feed and the clear-text token. Only the token's hash is stored,
    so the caller shows the URL once and it cannot be recovered afterwards.
    """
    # Lock the person's row so two simultaneous requests cannot leave two active feeds.
    User.objects.select_for_update().filter(pk=user.pk).first()
    calendar_feed_revoke(user=user)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed(user=user, token_hash=CalendarFeed.hash(token))
    feed.full_clean()
    feed.save()
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, user: User) -> int:
    """Stop every active feed of the person. Returns how many were active."""
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
