"""Read queries about people, organisations and roles."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from bifrost.accounts.models import (
    Invitation,
    Membership,
    Organisation,
    Role,
    User,
    hash_invitation_token,
)

# Precedence when one person holds several roles: the dashboard shows the
# widest responsibility first.
ROLE_PRECEDENCE = (Role.FACILITATOR, Role.ADVISOR, Role.SMV_OWNER)


def roles_of(user) -> frozenset[str]:
    """The roles a user holds, read once per request and kept on the user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_bifrost_roles", None)
    if cached is None:
        cached = frozenset(Membership.objects.filter(user=user).values_list("role", flat=True))
        user._bifrost_roles = cached
    return cached


def primary_role(user) -> str | None:
    roles = roles_of(user)
    return next((role for role in ROLE_PRECEDENCE if role in roles), None)


def memberships_of(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def organisations_with_counts() -> QuerySet[Organisation]:
    """Every organisation with its number of members and pending invitations."""
    now = timezone.now()
    return Organisation.objects.annotate(
        member_count=Count("memberships", distinct=True),
        pending_invitation_count=Count(
            "invitations",
            filter=Q(invitations__accepted_at__isnull=True, invitations__expires_at__gt=now),
            distinct=True,
        ),
    ).order_by("kind", "name")


def organisation_detail(pk: int) -> Organisation:
    """One organisation with its members and invitations, in three queries."""
    return Organisation.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("user").order_by("user__email"),
        ),
        Prefetch(
            "invitations",
            queryset=Invitation.objects.select_related("invited_by").order_by("-created_at"),
        ),
    ).get(pk=pk)


def pending_invitations(*, limit: int = 10) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("organisation")
        .order_by("-created_at")[:limit]
    )


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_hash=hash_invitation_token(token))
        .first()
    )
