"""Personal calendar feeds (secret tokens, stored hashed)."""

from django.conf import settings
from django.db import models

from bifrost.accounts.models import hash_token


class CalendarFeed(models.Model):
    """A personal, secret iCal URL. Only a hash of the token is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"feed for {self.user}"

    hash = staticmethod(hash_token)
