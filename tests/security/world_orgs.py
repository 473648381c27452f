"""The permission world's objects for managing organisations (the orgs helper's half):
the membership a facilitator may remove, the unit colleague's in unit U."""

from bifrost.accounts.models import Membership


def orgs_objects(people: dict) -> dict:
    membership = Membership.objects.get(user=people["colleague"], organisation=people["unit_u"])
    return {"orgs_membership": membership.pk}
