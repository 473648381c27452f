"""Who may draft a case page from a logbook: a facilitator, and only while the
company lets the researchers read its logbook (`shared_with_researchers`).
Everybody else gets 404, as for any logbook they may not read."""

import rules

from logbook.access.rules import shared_with_researchers

DRAFT = "logbook.draft_case_page"

rules.add_perm(DRAFT, shared_with_researchers.predicate)
