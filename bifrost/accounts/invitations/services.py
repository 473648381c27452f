"""Writes about invitations: create (and e-mail the link), withdraw, accept."""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.invitations import emails
from bifrost.accounts.models import (
    Invitation,
    Membership,
    Organisation,
    User,
    check_role_fits_organisation,
    hash_token,
)
from bifrost.accounts.services import user_mark_email_verified
from bifrost.core.http import absolute_url

logger = logging.getLogger(__name__)


class InvitationError(Exception):
    """An invitation link that cannot be used; the message is shown to the person."""


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
    ).update(expires_at=now, revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=invited_by,
        token_hash=hash_token(token),
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean(exclude=["token_hash"])
    invitation.save()
    accept_url = absolute_url("invitation_accept", token=token)
    emails.send_invitation(invitation=invitation, accept_url=accept_url)
    if settings.DEBUG:
        # The console e-mail wraps long links; in local development print it whole.
        logger.info("Invitation link for %s (development only): %s", email, accept_url)
    return invitation, token


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.is_accepted:
        raise InvitationError(_("This invitation has already been accepted."))
    if invitation.is_revoked:
        return
    now = timezone.now()
    invitation.revoked_at = now
    invitation.expires_at = min(invitation.expires_at, now)
    invitation.save(update_fields=["revoked_at", "expires_at"])


# Sending a link again: not twice within a few minutes (a double click, an impatient
# retry), and not more than a handful of times per invitation, so nobody's inbox is
# flooded from the platform. A fresh invitation is always possible from the form.
RESEND_INTERVAL = timedelta(minutes=5)
RESEND_LIMIT = 5


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> tuple[Invitation, str]:
    """E-mail the invitation again with a new one-time link; the old link stops working.

    The link's lifetime starts again. An accepted or withdrawn invitation cannot be
    sent again; an expired one can (that is what resending is mostly for).
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "invited_by")
        .get(pk=invitation.pk)
    )
    if invitation.is_accepted:
        raise InvitationError(_("This invitation has already been accepted."))
    if invitation.is_revoked:
        raise InvitationError(
            _("This invitation was withdrawn. Invite the person again to send a new link.")
        )
    now = timezone.now()
    if now - invitation.last_sent_at < RESEND_INTERVAL:
        raise InvitationError(
            _("The invitation to %(email)s was sent a moment ago. Wait a few minutes.")
            % {"email": invitation.email}
        )
    if invitation.resend_count >= RESEND_LIMIT:
        raise InvitationError(
            _(
                "The invitation to %(email)s has been sent again %(count)s times. Check the "
                "address with the person and invite them again."
            )
            % {"email": invitation.email, "count": invitation.resend_count}
        )
    # Only the newest link for a person and organisation works.
    Invitation.objects.filter(
        organisation=invitation.organisation,
        email__iexact=invitation.email,
        accepted_at__isnull=True,
        expires_at__gt=now,
    ).exclude(pk=invitation.pk).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.resent_at = now
    invitation.resend_count += 1
    invitation.expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitation.save(update_fields=["token_hash", "resent_at", "resend_count", "expires_at"])
    accept_url = absolute_url("invitation_accept", token=token)
    emails.send_invitation(invitation=invitation, accept_url=accept_url)
    if settings.DEBUG:
        logger.info("Invitation link for %s (development only): %s", invitation.email, accept_url)
    return invitation, token


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
    if invitation.is_revoked:
        raise InvitationError(
            _(
                "This invitation was withdrawn. If you were sent a newer invitation, use the "
                "link in that e-mail; otherwise ask the facilitator who invited you."
            )
        )
    if invitation.is_expired:
        raise InvitationError(
            _("This invitation has expired. Ask the facilitator who invited you for a new one.")
        )
    return invitation


def _new_account(invitation: Invitation, *, password: str, full_name: str) -> User:
    """The invitee's account. Password rules give ValidationError({"password": …})."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(
            _("An account with this e-mail already exists. Log in, then open the link again.")
        )
    user = User(email=invitation.email, full_name=full_name.strip())
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.error_list}) from None
    user.set_password(password)
    user.full_clean()
    try:
        with transaction.atomic():  # savepoint: a parallel sign-up may win the race
            user.save()
    except IntegrityError:
        raise InvitationError(
            _("An account with this e-mail already exists. Log in, then open the link again.")
        ) from None
    return user


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
        .filter(token_hash=hash_token(token))
        .first()
    )
    if user is None:
        if password is None:
            raise ValueError("a new account needs a password")
        user = _new_account(invitation, password=password, full_name=full_name)
    elif user.email.lower() != invitation.email.lower():
        raise InvitationError(
            _(
                "This invitation was sent to another e-mail address than the one you are "
                "logged in with. Log out and open the link again."
            )
        )
    user_mark_email_verified(user)
    membership = Membership(user=user, organisation=invitation.organisation, role=invitation.role)
    membership.full_clean(validate_unique=False)
    Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user
