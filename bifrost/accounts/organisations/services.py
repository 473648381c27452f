"""Writes about organisations: creating and editing one, removing a member."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bifrost.accounts import audit
from bifrost.accounts.models import Membership, Organisation, Role, User


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


EDITABLE_FIELDS = ("name", "cvr", "industry", "size_band", "region")


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, by: User, request=None, **fields: str
) -> Organisation:
    """Change an organisation's name and details (not its kind: its people's roles
    follow from it). A change to a company by someone outside it goes to the
    company's access log."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save(update_fields=list(fields))
    _audit(organisation, by=by, action=audit.Action.CHANGE, kind="organisation", request=request)
    return organisation


@transaction.atomic
def membership_remove(*, membership: Membership, by: User, request=None) -> None:
    """Take a person out of an organisation. They lose what the membership gave them
    at once: the rules ask the memberships on every request (an advisor's cases and
    the logbooks shared with them go with their unit membership).

    Nobody removes themselves here (a facilitator would lock themselves out), and the
    last facilitator stays, so someone can still run the platform.
    """
    membership = (
        Membership.objects.select_for_update()
        .select_related("organisation", "user")
        .get(pk=membership.pk)
    )
    if membership.user_id == by.pk:
        raise ValidationError(_("You cannot remove yourself. Ask another facilitator."))
    if (
        membership.role == Role.FACILITATOR
        and not Membership.objects.filter(role=Role.FACILITATOR)
        .exclude(user_id=membership.user_id)
        .exists()
    ):
        raise ValidationError(
            _("%(name)s is the last facilitator. Invite another facilitator first.")
            % {"name": membership.user.get_full_name()}
        )
    organisation = membership.organisation
    membership_id = membership.pk
    membership.delete()
    _audit(
        organisation,
        by=by,
        action=audit.Action.DELETE,
        kind="membership",
        object_id=membership_id,
        request=request,
    )


def _audit(
    organisation: Organisation,
    *,
    by: User,
    action: str,
    kind: str,
    object_id: int | None = None,
    request=None,
) -> None:
    """The access log is the company's record of what outsiders did with its data."""
    if organisation.kind != Organisation.Kind.COMPANY:
        return
    if Membership.objects.filter(organisation=organisation, user=by).exists():
        return
    audit.record(
        user=by,
        organisation=organisation,
        action=action,
        object_kind=kind,
        object_id=object_id if object_id is not None else organisation.pk,
        request=request,
    )
