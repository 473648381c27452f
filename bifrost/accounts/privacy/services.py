"""Deleting an account: every app's erase step, then the user row, in one transaction.

What belongs to a company or a programme (logbook entries, goals, versions,
comments…) stays and is pseudonymised by the apps' erase steps; what is only the
person's (memberships, e-mail addresses, second factors, the last dashboard
visit, drafts, reminder settings, calendar feeds, sessions) is deleted. The
access log is not touched: it is the company's evidence of who read its logbook,
so its rows keep `user_label` (docs/privacy.md says why).
"""

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from bifrost.accounts.models import DashboardVisit, Invitation, Membership, User
from bifrost.accounts.privacy import selectors
from bifrost.core import personal_data


def erase(user: User) -> None:
    """The accounts app's erase step (registered in AccountsConfig.ready)."""
    # Invitations the person accepted or that were sent to them hold their address.
    Invitation.objects.filter(accepted_by=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
    # Those they sent stay with the organisation, without the link to them.
    personal_data.detach(user, [(Invitation, "invited_by")])
    personal_data.delete_own(
        user,
        [
            (Membership, "user"),
            (EmailAddress, "user"),
            (Authenticator, "user"),
            (DashboardVisit, "user"),
        ],
    )
    engine = import_module(settings.SESSION_ENGINE)
    for key in selectors.session_keys_of(user):
        engine.SessionStore(session_key=key).delete()


def account_delete(*, user: User) -> None:
    """Delete `user`'s account for good. A ValidationError says why it cannot be done
    yet (an app refuses, e.g. the person still advises cases); nothing is changed then."""
    try:
        with transaction.atomic():
            personal_data.erase(user)
            user.delete()
    except (ProtectedError, RestrictedError) as error:
        # An app's refusal should have said so first; this is the safety net for a
        # PROTECT that no app declared.
        raise ValidationError(
            _(
                "Some of the programme's records still need your account. Ask the "
                "facilitators to hand them over; then you can delete your account."
            )
        ) from error
