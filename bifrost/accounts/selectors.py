"""Read queries about people and the roles they hold."""

from allauth.mfa.models import Authenticator
from django.db.models import OuterRef, QuerySet, StringAgg, Subquery, Value

from bifrost.accounts.models import Membership, Role, User
from bifrost.core.models import Notification
from bifrost.core.notifications.selectors import remember_unread_count
from bifrost.core.queries import CompiledRow, count_of

# Precedence when one person holds several roles: the dashboard shows the
# widest responsibility first.
ROLE_PRECEDENCE = (Role.FACILITATOR, Role.ADVISOR, Role.SMV_OWNER)


def roles_of(user) -> frozenset[str]:
    """The roles a user holds, read once per request and kept on the user.

    The same query reads the bell's unread count: every page's layout needs both,
    and one round trip is cheaper than two (the count is kept on the user for
    `bifrost.core.notifications.selectors.unread_count`)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_bifrost_roles", None)
    if cached is None:
        roles, unread = _roles_and_unread_count(user.pk)
        cached = frozenset(roles.split(",")) if roles else frozenset()
        user._bifrost_roles = cached
        remember_unread_count(user, unread)
    return cached


def _roles_and_unread(user_id: int) -> QuerySet:
    roles = (
        Membership.objects.filter(user=OuterRef("pk"))
        .values("user")
        .annotate(roles=StringAgg("role", Value(",")))
        .values("roles")
    )
    unread = count_of(Notification.objects.filter(read_at__isnull=True), "recipient")
    return User.objects.filter(pk=user_id).values_list(Subquery(roles), unread)


# Every logged-in page's layout asks this: its SQL is built once, not on every request.
_ROLES_AND_UNREAD = CompiledRow(_roles_and_unread)


def _roles_and_unread_count(user_id: int) -> tuple[str, int]:
    row = _ROLES_AND_UNREAD.get(user_id)
    return (row[0] or "", row[1]) if row is not None else ("", 0)


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
