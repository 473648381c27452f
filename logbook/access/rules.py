"""Who may read and write a company's logbook, each rule written once.

The company's own people (members of the company organisation) read and write.
Its advisor reads and comments only while the company consents and only while
they are the advisor of the company's active case; facilitators (researchers)
read (the comments too) only with the company's consent. Everybody else gets 404.

Each rule is a `QueryRule`: a queryset filter ("the logbooks this person may
reach") whose predicate asks the same filter about one logbook. The landing
page lists `of_own_company`, `shared_with_advisor` and
`shared_with_researchers`; the permissions below are the same three rules, so
the list and the detail check cannot disagree.
"""

import rules
from django.db.models import Exists, OuterRef, QuerySet

from bifrost.accounts.models import Membership, Role
from bifrost.accounts.rules import has_any_role, is_facilitator
from bifrost.core.access import object_or_404
from bifrost.core.rules import first_answering, query_rule
from logbook.models import Logbook
from matching.models import Case
from programme.models import Programme


@query_rule
def of_own_company(user, queryset: QuerySet[Logbook]) -> QuerySet[Logbook]:
    """Logbooks of the companies the person is a member of."""
    companies = Membership.objects.filter(user=user).values("organisation_id")
    return queryset.filter(company_id__in=companies)


@query_rule
def shared_with_advisor(user, queryset: QuerySet[Logbook]) -> QuerySet[Logbook]:
    """Logbooks shared with the advisor, whose company is on the person's active case."""
    on_case = Case.objects.filter(
        advisor=user,
        # Only while they are an advisor in the case's unit (removed: no access).
        unit_id__in=Membership.objects.filter(user=user, role=Role.ADVISOR).values(
            "organisation_id"
        ),
        status=Case.Status.ACTIVE,
        programme_id=OuterRef("programme_id"),
        company_id=OuterRef("company_id"),
    )
    return queryset.filter(share_with_advisor=True).filter(Exists(on_case))


@query_rule
def shared_with_researchers(user, queryset: QuerySet[Logbook]) -> QuerySet[Logbook]:
    """Logbooks shared with the researchers, for facilitators."""
    if not is_facilitator(user):
        return queryset.none()
    return queryset.filter(share_with_researchers=True)


def can_read_logbooks(user) -> QuerySet[Logbook]:
    """The logbooks `user` may read: the union of the three rules (`can_read` below)."""
    base = Logbook.objects.all()
    return (
        of_own_company(user, base)
        | shared_with_advisor(user, base)
        | shared_with_researchers(user, base)
    )


belongs_to_company = of_own_company.predicate
is_consented_advisor = shared_with_advisor.predicate
can_read = belongs_to_company | is_consented_advisor | shared_with_researchers.predicate

# Anyone with a role in the programme may open the landing page; what it lists
# is limited by the three rules above.
rules.add_perm("logbook.view_landing", has_any_role)
rules.add_perm("logbook.view_logbook", can_read)
rules.add_perm("logbook.export_logbook", can_read)
rules.add_perm("logbook.write_logbook", belongs_to_company)
rules.add_perm("logbook.manage_consent", belongs_to_company)
rules.add_perm("logbook.view_access_log", belongs_to_company)
# Writing in an entry's thread (logbook/comments/): both sides, never the researchers.
rules.add_perm("logbook.comment_entry", belongs_to_company | is_consented_advisor)
# Programme-wide research dataset (pseudonymised, consented logbooks only).
rules.add_perm("logbook.export_research_dataset", is_facilitator)


def logbook_or_404(user, pk: int, perm: str = "logbook.view_logbook") -> Logbook:
    """The logbook if `user` has `perm` on it; 404 for missing and forbidden alike."""
    return object_or_404(
        Logbook.objects.select_related("company", "programme"),
        pk=pk,
        user=user,
        perm=perm,
        asked=(of_own_company, shared_with_advisor, shared_with_researchers),
    )


def programme_or_404(user, pk: int, perm: str) -> Programme:
    """A programme for a programme-wide logbook permission (the research dataset)."""
    return object_or_404(Programme.objects.all(), pk=pk, user=user, perm=perm)


def is_outsider(user, logbook: Logbook) -> bool:
    """Not one of the company's own people (whose reads the access log records)."""
    return not belongs_to_company(user, logbook)


def readable_logbook_of(user, *, programme_id: int, company_id: int) -> Logbook | None:
    """The company's logbook in the programme if `user` may read it (`can_read`), else None."""
    found = can_read_logbooks(user).filter(programme_id=programme_id, company_id=company_id)
    # The caller asks next whether it is one of the company's: answered in this query.
    return first_answering(found, user, (of_own_company,))
