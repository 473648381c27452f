"""Who may read and write a company's logbook.

The company's own people (members of the company organisation) read and write.
Its advisor reads and comments only while the company consents and only while
they are the advisor of the company's active case; facilitators (researchers)
read only with the company's consent. Everybody else gets 404.
"""

import rules

from bifrost.accounts.rules import has_any_role, is_facilitator
from matching.cases import selectors as matching_selectors

# Anyone with a role in the programme may open the landing page; what it lists
# is limited to their own objects by the selectors.
rules.add_perm("logbook.view_landing", has_any_role)


@rules.predicate
def belongs_to_company(user, logbook) -> bool:
    if logbook is None or not getattr(user, "is_authenticated", False):
        return False
    return logbook.company.memberships.filter(user=user).exists()


@rules.predicate
def is_consented_advisor(user, logbook) -> bool:
    return (
        logbook is not None
        and logbook.share_with_advisor
        and matching_selectors.advisor_is_on_company_case(
            user=user, programme=logbook.programme, company=logbook.company
        )
    )


@rules.predicate
def is_consented_researcher(user, logbook) -> bool:
    return logbook is not None and logbook.share_with_researchers and is_facilitator(user)


can_read = belongs_to_company | is_consented_advisor | is_consented_researcher

rules.add_perm("logbook.view_logbook", can_read)
rules.add_perm("logbook.export_logbook", can_read)
rules.add_perm("logbook.write_logbook", belongs_to_company)
rules.add_perm("logbook.manage_consent", belongs_to_company)
rules.add_perm("logbook.view_access_log", belongs_to_company)
rules.add_perm("logbook.comment_entry", is_consented_advisor)
# Programme-wide research dataset (pseudonymised, consented logbooks only).
rules.add_perm("logbook.export_research_dataset", is_facilitator)
