"""Read queries about people and the roles they hold."""

from allauth.mfa.models import Authenticator
from django.db.models import QuerySet

from bifrost.accounts.models import Membership, Role, User

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


def account_exists(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def has_totp(user) -> bool:
    """The person has set up an authenticator app (TOTP) as a second factor."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
