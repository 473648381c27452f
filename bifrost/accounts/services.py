"""Writes about people, organisations and invitations."""

import logging
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts import emails
from bifrost.accounts.models import (
    Invitation,
    Membership,
    Organisation,
    User,
    check_role_fits_organisation,
    hash_invitation_token,
)

logger = logging.getLogger(__name__)


class InvitationError(Exception):
    """An invitation link that cannot be used; the message is shown to the person."""


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    cvr: str = "",
    industry: str = "",
    size_band: str = "",
    region: str = "",
) -> Organisation:
    organisation = Organisation(
        name=name, kind=kind, cvr=cvr, industry=industry, size_band=size_band, region=region
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def _accept_url(token: str) -> str:
    return settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token})


@transaction.atomic
def invitation_create(
    *, organisation: Organisation, email: str, role: str, invited_by: User
) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its one-time link. Returns it and its token."""
    email = User.objects.normalize_email(email).strip().lower()
    check_role_fits_organisation(role, organisation)
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already a member of %(organisation)s.")
                % {"email": email, "organisation": organisation.name}
            }
        )
    now = timezone.now()
    # Only the newest link for a person and organisation works.
    Invitation.objects.filter(
        organisation=organisation, email__iexact=email, accepted_at__isnull=True, expires_at__gt=now
    ).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=hash_invitation_token(token),
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean(exclude=["token_hash"])
    invitation.save()
    accept_url = _accept_url(token)
    emails.send_invitation(invitation=invitation, accept_url=accept_url)
    if settings.DEBUG:
        # The console e-mail wraps long links; in local development print it whole.
        logger.info("Invitation link for %s (development only): %s", email, accept_url)
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.is_accepted:
        raise InvitationError(_("This invitation has already been accepted."))
    invitation.expires_at = min(invitation.expires_at, timezone.now())
    invitation.save(update_fields=["expires_at"])


def invitation_check_usable(invitation: Invitation | None) -> Invitation:
    """Raise InvitationError with a clear message unless the link can still be used."""
    if invitation is None:
        raise InvitationError(
            _("This invitation link is not valid. Check that you copied the whole link.")
        )
    if invitation.is_accepted:
        raise InvitationError(
            _("This invitation has already been used. Log in with your e-mail and password.")
        )
    if invitation.is_expired:
        raise InvitationError(
            _("This invitation has expired. Ask the facilitator who invited you for a new one.")
        )
    return invitation


def _mark_email_verified(user: User) -> None:
    # Following the e-mailed link proves the person controls the address.
    address, _created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not address.verified or not address.primary:
        address.verified = True
        address.primary = True
        address.save(update_fields=["verified", "primary"])


@transaction.atomic
def invitation_accept(
    *, token: str, password: str | None = None, full_name: str = "", user: User | None = None
) -> User:
    """Use an invitation: create the account (or use the logged-in one) and add the role.

    Locks the invitation row so two clicks on the same link cannot both succeed.
    """
    invitation = invitation_check_usable(
        Invitation.objects.select_for_update()
        .select_related("organisation")
        .filter(token_hash=hash_invitation_token(token))
        .first()
    )
    if user is None:
        if password is None:
            raise ValueError("a new account needs a password")
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationError(
                _("An account with this e-mail already exists. Log in, then open the link again.")
            )
        user = User(email=invitation.email, full_name=full_name.strip())
        validate_password(password, user)
        user.set_password(password)
        user.full_clean()
        try:
            with transaction.atomic():  # savepoint: a parallel sign-up may win the race
                user.save()
        except IntegrityError:
            raise InvitationError(
                _("An account with this e-mail already exists. Log in, then open the link again.")
            ) from None
    elif user.email.lower() != invitation.email.lower():
        raise InvitationError(
            _(
                "This invitation was sent to another e-mail address than the one you are "
                "logged in with. Log out and open the link again."
            )
        )
    _mark_email_verified(user)
    membership = Membership(user=user, organisation=invitation.organisation, role=invitation.role)
    membership.full_clean(validate_unique=False)
    Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


@transaction.atomic
def user_create_with_role(
    *, email: str, password: str, full_name: str, organisation: Organisation, role: str
) -> User:
    """Used by demo data and tests: a verified user with one membership."""
    user, _created = User.objects.get_or_create(
        email=email.lower(), defaults={"full_name": full_name}
    )
    user.full_name = full_name
    user.set_password(password)
    user.save()
    _mark_email_verified(user)
    check_role_fits_organisation(role, organisation)
    Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return user
