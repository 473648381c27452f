"""Read queries about organisations, each a fixed number of SQL queries."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from bifrost.accounts.models import Invitation, Membership, Organisation


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


def organisations_with_people() -> QuerySet[Organisation]:
    """Organisations with their members and invitations: three queries for one."""
    return Organisation.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("user").order_by("user__email"),
        ),
        Prefetch(
            "invitations",
            queryset=Invitation.objects.select_related("invited_by").order_by("-created_at"),
        ),
    )


def organisation_counts() -> dict[str, int]:
    """How many organisations of each kind, in one query."""
    counted = dict(Organisation.objects.order_by().values_list("kind").annotate(n=Count("pk")))
    return {kind: counted.get(kind, 0) for kind in Organisation.Kind.values}


def memberships_with_people() -> QuerySet[Membership]:
    return Membership.objects.select_related("user", "organisation")


def other_member_count(membership: Membership) -> int:
    """How many people besides this one are members of the organisation."""
    return (
        Membership.objects.filter(organisation_id=membership.organisation_id)
        .exclude(pk=membership.pk)
        .count()
    )
