"""Who may see and work on cases, and read advisor notes (django-rules).

Each rule is written once, as a queryset filter (`QueryRule`); the object
permissions below are made of their predicates, and the list pages use the
same filters, so a list never shows a case or note its page would refuse:

- `cases_advised`: the cases whose advisor the person is. The advisor's case
  dashboard lists these.
- `cases_of_own_company`: the cases of a company the person is a member of.
- `cases_overseen`: every case, for facilitators (read-only for them). The
  facilitator's programme case list lists these.
- `notes_authored` / `notes_shared_with_unit`: an advisor note is read by its
  author (on the case page) and, when shared with the unit, by the advisors of
  the case's advisory unit (on their dashboard, never on the case page).

Permissions: the case page (`matching.view_case`) for the company, the case's
advisor and facilitators; working on the case (`matching.work_on_case`) for the
company and the advisor while the case is active; the notes section and new
notes for the case's advisor only. Advisor notes are never shown to the company
or to facilitators. Everyone else gets 404 (`case_or_404`, `note_or_404`).
"""

import rules
from django.db.models import QuerySet

from bifrost.accounts.models import Membership, Role
from bifrost.accounts.rules import is_advisor, is_facilitator
from bifrost.core.access import object_or_404
from bifrost.core.rules import query_rule
from matching.cases import selectors
from matching.models import AdvisorNote, Case


def advised_units(user) -> QuerySet[Membership]:
    """The advisory units the person is an advisor in now (as a subquery)."""
    return Membership.objects.filter(user=user, role=Role.ADVISOR).values("organisation_id")


@query_rule
def cases_advised(user, queryset: QuerySet[Case]) -> QuerySet[Case]:
    """Cases whose advisor the person is, while they are an advisor in the case's unit:
    someone removed from the unit loses its cases at once."""
    if not user.is_active:
        return queryset.none()
    return queryset.filter(advisor=user, unit_id__in=advised_units(user))


@query_rule
def cases_of_own_company(user, queryset: QuerySet[Case]) -> QuerySet[Case]:
    """Cases of a company the person is a member of (in any role)."""
    if not user.is_active:
        return queryset.none()
    companies = Membership.objects.filter(user=user).values("organisation_id")
    return queryset.filter(company_id__in=companies)


@query_rule
def cases_overseen(user, queryset: QuerySet[Case]) -> QuerySet[Case]:
    """Every case, for facilitators."""
    return queryset if is_facilitator(user) else queryset.none()


@query_rule
def notes_authored(user, queryset: QuerySet[AdvisorNote]) -> QuerySet[AdvisorNote]:
    """The person's own advisor notes."""
    if not user.is_active:
        return queryset.none()
    return queryset.filter(author=user)


@query_rule
def notes_shared_with_unit(user, queryset: QuerySet[AdvisorNote]) -> QuerySet[AdvisorNote]:
    """Notes shared with the unit, on cases of a unit the person is an advisor in."""
    if not user.is_active:
        return queryset.none()
    units = Membership.objects.filter(user=user, role=Role.ADVISOR).values("organisation_id")
    return queryset.filter(shared_with_unit=True, case__unit_id__in=units)


@rules.predicate
def case_is_active(user, case) -> bool:
    return case is not None and case.status == Case.Status.ACTIVE


@rules.predicate
def note_case_is_active(user, note) -> bool:
    return note is not None and note.case.status == Case.Status.ACTIVE


is_case_advisor = cases_advised.predicate
is_case_company_member = cases_of_own_company.predicate

# Facilitators first: for everyone else that check needs no query.
rules.add_perm(
    "matching.view_case", cases_overseen.predicate | is_case_advisor | is_case_company_member
)
rules.add_perm("matching.work_on_case", (is_case_advisor | is_case_company_member) & case_is_active)
# The notes section on the case page: the case's advisor only.
rules.add_perm("matching.view_case_notes", is_case_advisor)
rules.add_perm("matching.add_advisor_note", is_case_advisor & case_is_active)
rules.add_perm(
    "matching.view_advisor_note", notes_authored.predicate | notes_shared_with_unit.predicate
)
rules.add_perm("matching.change_advisor_note", notes_authored.predicate & note_case_is_active)
# The advisor's dashboard of own cases (and notes shared by colleagues).
rules.add_perm("matching.view_case_dashboard", is_advisor)
# A programme's cases as a table: facilitators.
rules.add_perm("matching.view_programme_cases", is_facilitator)


def case_or_404(user, pk: int, perm: str = "matching.view_case") -> Case:
    """The case `pk` with its parties, if `user` has `perm` on it.

    Every case permission implies `matching.view_case` (they are made of the same
    rules), so one check answers both "may see" and "may do".
    """
    return object_or_404(
        selectors.cases_with_parties(),
        pk=pk,
        user=user,
        perm=perm,
        asked=(cases_overseen, cases_advised, cases_of_own_company),
    )


def note_or_404(user, pk: int, perm: str, *, case_pk: int) -> AdvisorNote:
    """The advisor note `pk` of case `case_pk`, if `user` has `perm` on it."""
    return object_or_404(
        selectors.notes_with_case().filter(case_id=case_pk), pk=pk, user=user, perm=perm
    )
