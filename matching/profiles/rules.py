"""Who may fill in which profile, and the matching landing page (django-rules).

Each rule is written once, as a queryset filter (`QueryRule`): the landing page
lists exactly the enrolments and programmes whose profile pages the person may
open, because both ask the same filter.

- A company profile (object: the company's active `Enrolment` in the programme):
  the company's SMV owners (`matching.edit_company_profile`).
- An advisor's own profile (object: the `Programme`): advisors of an advisory
  unit actively enrolled in the programme (`matching.edit_advisor_profile`).

Everyone else gets 404 (`..._or_404` below).
"""

import rules
from django.db.models import QuerySet
from django.http import Http404

from bifrost.accounts.models import Membership, Organisation, Role
from bifrost.accounts.rules import has_any_role
from bifrost.core.access import object_or_404
from bifrost.core.rules import query_rule
from matching.models import AdvisorProfile
from matching.profiles import selectors
from programme.models import Enrolment, Programme


@query_rule
def enrolments_owned(user, queryset: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Active enrolments of companies the person is an SMV owner of."""
    owned = Membership.objects.filter(user=user, role=Role.SMV_OWNER).values("organisation_id")
    return queryset.filter(
        left_at__isnull=True,
        organisation__kind=Organisation.Kind.COMPANY,
        organisation_id__in=owned,
    )


@query_rule
def programmes_advised(user, queryset: QuerySet[Programme]) -> QuerySet[Programme]:
    """Programmes in which an advisory unit of the person (as advisor) is actively enrolled."""
    enrolled = Enrolment.objects.filter(
        left_at__isnull=True,
        organisation__kind=Organisation.Kind.ADVISORY_UNIT,
        organisation__memberships__user=user,
        organisation__memberships__role=Role.ADVISOR,
    ).values("programme_id")
    return queryset.filter(pk__in=enrolled)


# Anyone with a role in the programme may open the landing page; what it lists
# is limited to their own objects by the rules above.
rules.add_perm("matching.view_landing", has_any_role)
rules.add_perm("matching.edit_company_profile", enrolments_owned.predicate)
rules.add_perm("matching.edit_advisor_profile", programmes_advised.predicate)


def programme_or_404(user, pk: int, perm: str) -> Programme:
    """The programme `pk` if `user` has the matching permission `perm` on it."""
    return object_or_404(Programme.objects.all(), pk=pk, user=user, perm=perm)


def company_enrolment_or_404(user, pk: int, perm: str, *, company_pk: int) -> Enrolment:
    """The active enrolment of company `company_pk` in programme `pk`, if `user` has
    `perm` on it (missing, left or forbidden: the same 404)."""
    enrolment = selectors.company_enrolment(programme_id=pk, company_id=company_pk)
    if enrolment is None or not user.has_perm(perm, enrolment):
        raise Http404
    return enrolment


def advisor_profile_or_404(user, pk: int, perm: str) -> AdvisorProfile:
    """The advisor profile `pk` (with programme, advisor and unit) if `user` has `perm`."""
    profiles = AdvisorProfile.objects.select_related("programme", "advisor", "unit")
    return object_or_404(profiles, pk=pk, user=user, perm=perm)
