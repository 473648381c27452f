"""Who may match (django-rules): facilitators manage matching in every programme.

`matching.manage_matching` covers the matching page (profile overview, weights,
pair rules), match runs and an advisor's drop-out. Everyone else gets 404
(`run_or_404`, `pair_rule_or_404`).
"""

import rules

from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404
from matching.models import MatchRun, PairRule

MANAGE = "matching.manage_matching"

rules.add_perm(MANAGE, is_facilitator)


def run_or_404(user, pk: int, perm: str = MANAGE) -> MatchRun:
    """The match run `pk` (with its programme and people) if `user` has `perm` on it."""
    runs = MatchRun.objects.select_related("programme", "created_by", "confirmed_by")
    return object_or_404(runs, pk=pk, user=user, perm=perm)


def pair_rule_or_404(user, pk: int, perm: str = MANAGE) -> PairRule:
    rules_ = PairRule.objects.select_related("programme", "company", "advisor")
    return object_or_404(rules_, pk=pk, user=user, perm=perm)
