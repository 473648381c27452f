"""Who may invite people, send an invitation again and withdraw one: facilitators."""

import rules

from bifrost.accounts.invitations import selectors
from bifrost.accounts.models import Invitation
from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404

rules.add_perm("accounts.invite_to_organisation", is_facilitator)
rules.add_perm("accounts.revoke_invitation", is_facilitator)
rules.add_perm("accounts.resend_invitation", is_facilitator)


def invitation_or_404(user, pk: int, perm: str) -> Invitation:
    return object_or_404(selectors.invitations_with_organisation(), pk=pk, user=user, perm=perm)
