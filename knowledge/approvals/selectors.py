"""Reads of case page approvals: where an approval stands, the publish check, the
list, the log and the suggestions (each a fixed number of queries)."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from bifrost.accounts.models import Membership, Role
from knowledge.approvals.flags import Flag, flags_for
from knowledge.approvals.text import text_hash
from knowledge.editor.selectors import newest_content
from knowledge.models import CaseApproval, CaseApprovalEvent, CaseSuggestion, Page


@dataclass
class ApprovalStatus:
    """Where a case page's approval stands, for the facilitator and the two parties."""

    approval: CaseApproval
    newest_hash: str
    sent: bool
    changed_since_sent: bool
    company_holds: bool
    advisor_holds: bool
    flags: list[Flag] = field(default_factory=list)

    @property
    def both_hold(self) -> bool:
        return self.company_holds and self.advisor_holds

    @property
    def publishable(self) -> bool:
        """Both keys hold for the newest text: the editor may publish it."""
        return self.both_hold and not self.changed_since_sent

    @property
    def sendable(self) -> bool:
        return not self.flags and (not self.sent or self.changed_since_sent)


def approval_of(page: Page) -> CaseApproval | None:
    """The page's approval, if it is a case page that needs one."""
    if page.pk is None:
        return None
    return CaseApproval.objects.filter(page=page).select_related("company", "advisor").first()


def approval_status(approval: CaseApproval, *, with_flags: bool = False) -> ApprovalStatus:
    content = newest_content(approval.page)
    newest = text_hash(content)
    return ApprovalStatus(
        approval=approval,
        newest_hash=newest,
        sent=bool(approval.sent_hash),
        changed_since_sent=bool(approval.sent_hash) and newest != approval.sent_hash,
        company_holds=approval.company_holds,
        advisor_holds=approval.advisor_holds,
        flags=flags_for(approval, content) if with_flags else [],
    )


def publish_allowed(page: Page | None, content: dict) -> bool:
    """Whether `content` may go public on `page`: always for a page without an
    approval, else only while both keys hold for exactly this text."""
    approval = approval_of(page) if page is not None else None
    if approval is None:
        return True
    return approval.both_hold and text_hash(content) == approval.sent_hash


def approvals_list(queryset: QuerySet[CaseApproval]) -> QuerySet[CaseApproval]:
    """The approvals a person may see (`rules.approvals_visible_to`), newest first."""
    return queryset.select_related("page", "company").order_by("-created_at", "-pk")


def approval_events(approval: CaseApproval) -> list[CaseApprovalEvent]:
    return list(approval.events.select_related("actor").order_by("created_at", "pk"))


def approval_suggestions(approval: CaseApproval) -> list[CaseSuggestion]:
    return list(approval.suggestions.select_related("author").order_by("created_at", "pk"))


def companies_owned(user) -> set[int]:
    """The companies whose key the person holds (as one of their SMV owners)."""
    return set(
        Membership.objects.filter(user=user, role=Role.SMV_OWNER).values_list(
            "organisation_id", flat=True
        )
    )
