"""The knowledge site's erase step: self-assessments go, page revisions stay unsigned."""

from bifrost.core import personal_data
from knowledge.models import (
    CaseApproval,
    CaseApprovalEvent,
    CaseSuggestion,
    PageRevision,
    RoleSelfAssessment,
)


def erase(user) -> None:
    personal_data.delete_own(user, [(RoleSelfAssessment, "user")])
    # The site's history belongs to the programme: the revision stays, "Former user".
    personal_data.detach(user, [(PageRevision, "created_by")])
    # A case page's approvals and log are the company's evidence: they stay, unsigned.
    personal_data.detach(
        user,
        [
            (CaseApproval, "created_by"),
            (CaseApproval, "company_approved_by"),
            (CaseApproval, "advisor_approved_by"),
            (CaseApproval, "advisor"),
            (CaseApprovalEvent, "actor"),
            (CaseSuggestion, "author"),
        ],
    )
