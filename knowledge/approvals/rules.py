"""Who sees and answers a case page's approval, each rule written once.

- `approvals_of_own_company`: the approvals of a company the person is an SMV owner
  of; any of them holds the company's key.
- `approvals_as_advisor`: the approvals that ask the person as the case's advisor.
- facilitators (the site's editors) see every approval and send texts for approval.

A company sees only its own case drafts; anyone else's approval is as missing as a
wrong id (404).
"""

import rules
from django.db.models import QuerySet

from bifrost.accounts.models import Membership, Role
from bifrost.accounts.rules import is_facilitator
from bifrost.core.access import object_or_404
from bifrost.core.rules import query_rule
from knowledge.models import CaseApproval, Party


@query_rule
def approvals_of_own_company(user, queryset: QuerySet[CaseApproval]) -> QuerySet[CaseApproval]:
    companies = Membership.objects.filter(user=user, role=Role.SMV_OWNER).values("organisation_id")
    return queryset.filter(company_id__in=companies)


@query_rule
def approvals_as_advisor(user, queryset: QuerySet[CaseApproval]) -> QuerySet[CaseApproval]:
    return queryset.filter(advisor=user)


@query_rule
def approvals_overseen(user, queryset: QuerySet[CaseApproval]) -> QuerySet[CaseApproval]:
    return queryset if is_facilitator(user) else queryset.none()


holds_company_key = approvals_of_own_company.predicate
holds_advisor_key = approvals_as_advisor.predicate

VIEW = "knowledge.view_case_approval"
ANSWER = "knowledge.answer_case_approval"
SEND = "knowledge.send_case_approval"

rules.add_perm(VIEW, holds_company_key | holds_advisor_key | approvals_overseen.predicate)
rules.add_perm(ANSWER, holds_company_key | holds_advisor_key)
rules.add_perm(SEND, approvals_overseen.predicate)


def approvals_visible_to(user, queryset: QuerySet[CaseApproval]) -> QuerySet[CaseApproval]:
    """The list page: the same three rules as the detail check."""
    return (
        approvals_of_own_company(user, queryset)
        | approvals_as_advisor(user, queryset)
        | approvals_overseen(user, queryset)
    )


def party_of(user, approval: CaseApproval) -> str | None:
    """Which key `user` holds for `approval` (the advisor's first), or None."""
    if approval.advisor_id is not None and approval.advisor_id == user.pk:
        return Party.ADVISOR
    if holds_company_key(user, approval):
        return Party.COMPANY
    return None


def approval_or_404(user, pk: int, perm: str) -> CaseApproval:
    return object_or_404(
        CaseApproval.objects.select_related("page", "page__provenance", "company", "advisor"),
        pk=pk,
        user=user,
        perm=perm,
    )
