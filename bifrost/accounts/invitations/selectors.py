"""Read queries about invitations."""

from django.db.models import QuerySet
from django.utils import timezone

from bifrost.accounts.models import Invitation, hash_token


def invitations_with_organisation() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("organisation")


def pending_invitations(*, limit: int = 10) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("organisation")
        .order_by("-created_at")[:limit]
    )


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
