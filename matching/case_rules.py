"""Who may see and work on cases (imported by matching/rules.py).

- The case page (`matching.view_case`): the members of the case's company, the
  case's advisor, and facilitators (read-only for them).
- Working on the case (`matching.work_on_case`): company members and the case's
  advisor while the case is active.
- Advisor notes are never shown to the company or to facilitators: the case's
  advisor writes them (`matching.add_advisor_note`); a note is seen by its author
  and, when shared with the unit, by the advisors of the case's advisory unit
  (`matching.view_advisor_note`), who see it on their dashboard, not on the case page.

Everyone else gets 404 from the views (`bifrost.core.access.require_perm`).
"""

import rules

from bifrost.accounts.models import Membership, Role
from bifrost.accounts.rules import is_advisor, is_facilitator, is_member_of
from matching.models import Case


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


@rules.predicate
def is_case_company_member(user, case) -> bool:
    if case is None or not _authenticated(user):
        return False
    return is_member_of(user, case.company)


@rules.predicate
def is_case_advisor(user, case) -> bool:
    return case is not None and _authenticated(user) and case.advisor_id == user.pk


@rules.predicate
def case_is_active(user, case) -> bool:
    return case is not None and case.status == Case.Status.ACTIVE


@rules.predicate
def is_note_author(user, note) -> bool:
    return note is not None and _authenticated(user) and note.author_id == user.pk


@rules.predicate
def is_unit_colleague_of_shared_note(user, note) -> bool:
    """An advisor in the case's advisory unit, and the note is shared with the unit."""
    if note is None or not note.shared_with_unit or not _authenticated(user):
        return False
    return Membership.objects.filter(
        user=user, organisation_id=note.case.unit_id, role=Role.ADVISOR
    ).exists()


@rules.predicate
def note_case_is_active(user, note) -> bool:
    return note is not None and note.case.status == Case.Status.ACTIVE


rules.add_perm("matching.view_case", is_case_company_member | is_case_advisor | is_facilitator)
rules.add_perm("matching.work_on_case", (is_case_company_member | is_case_advisor) & case_is_active)
# The notes section on the case page: the case's advisor only.
rules.add_perm("matching.view_case_notes", is_case_advisor)
rules.add_perm("matching.add_advisor_note", is_case_advisor & case_is_active)
rules.add_perm("matching.view_advisor_note", is_note_author | is_unit_colleague_of_shared_note)
rules.add_perm("matching.change_advisor_note", is_note_author & note_case_is_active)
# The advisor's dashboard of own cases (and notes shared by colleagues).
rules.add_perm("matching.view_case_dashboard", is_advisor)
# A programme's cases as a table: facilitators.
rules.add_perm("matching.view_programme_cases", is_facilitator)
