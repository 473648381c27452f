"""The knowledge site's tables, one module per concept; everything is importable
from `knowledge.models`.

- `pages`: pages, their revisions, the role self-assessments;
- `provenance`: where a page drafted from a programme came from (app-neutral facts);
- `approvals`: the two keys (company and advisor) of a case page, with its log.
"""

from knowledge.models.approvals import CaseApproval, CaseApprovalEvent, CaseSuggestion, Party
from knowledge.models.pages import (
    KIND_FIELDS,
    KIND_SECTION,
    SECTION_ORDER,
    Kind,
    Page,
    PageQuerySet,
    PageRevision,
    RoleSelfAssessment,
    Section,
    clean_kind_fields,
)
from knowledge.models.provenance import Provenance

__all__ = [
    "KIND_FIELDS",
    "KIND_SECTION",
    "SECTION_ORDER",
    "CaseApproval",
    "CaseApprovalEvent",
    "CaseSuggestion",
    "Kind",
    "Page",
    "PageQuerySet",
    "PageRevision",
    "Party",
    "Provenance",
    "RoleSelfAssessment",
    "Section",
    "clean_kind_fields",
]
