"""The accounts section of a person's data download, and who holds a session.

A fixed number of queries (six) whatever the person has: the account itself, the
e-mail addresses allauth keeps, memberships, the invitations they sent, accepted
or were sent, the access-log rows their reads caused, whether they use a second
factor (never its secrets) and when they last opened their dashboard.
"""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from bifrost.accounts.models import (
    AccessLogEntry,
    DashboardVisit,
    Invitation,
    Membership,
    Organisation,
    User,
)


def _account(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "email": user.email,
        "full_name": user.full_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
    }


def _invitation(invitation: Invitation) -> dict[str, Any]:
    return {
        "id": invitation.pk,
        "email": invitation.email,
        "organisation": invitation.organisation.name,
        "role": invitation.role,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
        "accepted_at": invitation.accepted_at,
    }


def invitations_concerning(user: User) -> QuerySet[Invitation]:
    """Invitations the person sent, accepted, or that were sent to their address."""
    return Invitation.objects.filter(
        Q(invited_by=user) | Q(accepted_by=user) | Q(email__iexact=user.email)
    ).select_related("organisation")


def _access_log(user: User) -> list[dict[str, Any]]:
    # The organisation has no FK constraint (the log outlives it): its name by subquery.
    name = Organisation.objects.filter(pk=OuterRef("organisation_id")).values("name")[:1]
    rows = (
        AccessLogEntry.objects.filter(user=user)
        .annotate(organisation_name=Subquery(name))
        .order_by("created_at", "pk")
    )
    return [
        {
            "organisation": row.organisation_name,
            "role": row.role,
            "action": row.action,
            "object_kind": row.object_kind,
            "object_id": row.object_id,
            "ip_address": row.ip_address,
            "created_at": row.created_at,
        }
        for row in rows
    ]


def personal_data(user: User) -> dict[str, Any]:
    invitations = list(invitations_concerning(user).order_by("created_at", "pk"))
    methods = sorted(set(Authenticator.objects.filter(user=user).values_list("type", flat=True)))
    return {
        "account": _account(user),
        "email_addresses": list(
            EmailAddress.objects.filter(user=user)
            .order_by("pk")
            .values("email", "verified", "primary")
        ),
        "memberships": [
            {
                "organisation": m.organisation.name,
                "organisation_kind": m.organisation.kind,
                "role": m.role,
                "since": m.created_at,
            }
            for m in Membership.objects.filter(user=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
        "invitations_sent": [_invitation(i) for i in invitations if i.invited_by_id == user.pk],
        "invitations_received": [
            _invitation(i)
            for i in invitations
            if i.accepted_by_id == user.pk or i.email.lower() == user.email.lower()
        ],
        "access_log": _access_log(user),
        # Only whether a second factor is set up, and of which kind: never its secrets.
        "two_factor": {"enabled": bool(methods), "methods": methods},
        # What the dashboard measures "new since your last visit" from.
        "dashboard_last_visit": DashboardVisit.objects.filter(user=user)
        .values_list("last_seen_at", flat=True)
        .first(),
    }


#: Session engines that keep sessions in the database table (the others cannot be listed).
DATABASE_SESSION_ENGINES = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


def session_keys_of(user: User) -> list[str]:
    """The keys of the person's unexpired sessions (database-backed sessions).

    Sessions are not indexed by user, so every unexpired session is read and decoded
    (one query): with 12-hour sessions and a few hundred people that is small."""
    if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        return []
    sessions = Session.objects.filter(expire_date__gt=timezone.now())
    wanted = str(user.pk)
    return [s.session_key for s in sessions if s.get_decoded().get("_auth_user_id") == wanted]
