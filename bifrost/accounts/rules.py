"""Object permissions for accounts and organisations (django-rules).

Views never test roles inline; they ask `user.has_perm(...)`.
"""

import rules

from bifrost.accounts.models import Role
from bifrost.accounts.selectors import roles_of


@rules.predicate
def is_facilitator(user) -> bool:
    return Role.FACILITATOR in roles_of(user)


@rules.predicate
def is_advisor(user) -> bool:
    return Role.ADVISOR in roles_of(user)


@rules.predicate
def is_smv_owner(user) -> bool:
    return Role.SMV_OWNER in roles_of(user)


@rules.predicate
def has_any_role(user) -> bool:
    return bool(roles_of(user))


@rules.predicate
def is_member_of(user, organisation) -> bool:
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    return organisation.memberships.filter(user=user).exists()


# Facilitators run the programme: they see and manage every organisation in it.
rules.add_perm("accounts.list_organisations", is_facilitator)
rules.add_perm("accounts.add_organisation", is_facilitator)
rules.add_perm("accounts.view_organisation", is_facilitator | is_member_of)
rules.add_perm("accounts.invite_to_organisation", is_facilitator)
rules.add_perm("accounts.revoke_invitation", is_facilitator)
rules.add_perm("accounts.view_dashboard", has_any_role)
