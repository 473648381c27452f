"""Writes about people: accounts with a role, verified e-mail addresses."""

from allauth.account.models import EmailAddress
from django.db import transaction

from bifrost.accounts.models import (
    Membership,
    Organisation,
    User,
    check_role_fits_organisation,
)


def user_mark_email_verified(user: User) -> None:
    """The person's address is verified and primary (following an e-mailed link
    proves they control it)."""
    address, _created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not address.verified or not address.primary:
        address.verified = True
        address.primary = True
        address.save(update_fields=["verified", "primary"])


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
    user_mark_email_verified(user)
    check_role_fits_organisation(role, organisation)
    Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return user
