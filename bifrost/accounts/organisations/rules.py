"""Who may see and manage organisations.

Facilitators run the programme: they see and manage every organisation in it;
anyone else sees only the organisations they are a member of. The rule is one
queryset filter (`visible_organisations`): the list narrows with it and the
detail check (`accounts.view_organisation`) asks it about one organisation.
"""

import rules
from django.http import Http404

from bifrost.accounts.models import Membership, Organisation
from bifrost.accounts.organisations import selectors
from bifrost.accounts.rules import is_facilitator, member_organisations
from bifrost.core.access import object_or_404
from bifrost.core.rules import query_rule


@query_rule
def visible_organisations(user, queryset):
    if is_facilitator(user):
        return queryset
    return member_organisations(user, queryset)


rules.add_perm("accounts.list_organisations", is_facilitator)
rules.add_perm("accounts.add_organisation", is_facilitator)
rules.add_perm("accounts.view_organisation", visible_organisations.predicate)
rules.add_perm("accounts.change_organisation", is_facilitator)
rules.add_perm("accounts.remove_member", is_facilitator)


def organisation_or_404(user, pk: int, perm: str) -> Organisation:
    """The organisation with its people if `user` has `perm` on it; else 404."""
    return object_or_404(selectors.organisations_with_people(), pk=pk, user=user, perm=perm)


def membership_or_404(user, pk: int, perm: str) -> Membership:
    """A membership (with its person and organisation) if `user` has `perm` on its
    organisation; else 404."""
    membership = selectors.memberships_with_people().filter(pk=pk).first()
    if membership is None or not user.has_perm(perm, membership.organisation):
        raise Http404
    return membership
