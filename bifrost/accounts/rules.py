"""The roles people hold, as django-rules predicates every app uses.

Views never test roles inline; they ask `user.has_perm(...)`. The permissions of
organisations and invitations are registered by their concepts' `rules.py`.
"""

import rules

from bifrost.accounts.models import Membership, Role
from bifrost.accounts.selectors import roles_of
from bifrost.core.rules import query_rule


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


@query_rule
def member_organisations(user, queryset):
    """The organisations the person is a member of (any role)."""
    return queryset.filter(pk__in=Membership.objects.filter(user=user).values("organisation_id"))


# `is_member_of(user, organisation)`: the same rule asked about one organisation.
is_member_of = member_organisations.predicate
