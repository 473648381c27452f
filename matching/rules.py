"""Who may match, and who may fill in which profile (django-rules)."""

import rules

from bifrost.accounts.models import Membership, Organisation, Role
from bifrost.accounts.rules import has_any_role, is_facilitator

# Anyone with a role in the programme may open the landing page; what it lists
# is limited to their own objects by the selectors.
rules.add_perm("matching.view_landing", has_any_role)


@rules.predicate
def owns_enrolled_company(user, enrolment) -> bool:
    """The person is an SMV owner of the company of this (active) enrolment."""
    if enrolment is None or not getattr(user, "is_authenticated", False):
        return False
    if enrolment.left_at is not None:
        return False
    if enrolment.organisation.kind != Organisation.Kind.COMPANY:
        return False
    return Membership.objects.filter(
        user=user, organisation_id=enrolment.organisation_id, role=Role.SMV_OWNER
    ).exists()


@rules.predicate
def advises_in_programme(user, programme) -> bool:
    """The person is an advisor in an advisory unit actively enrolled in the programme."""
    if programme is None or not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        user=user,
        role=Role.ADVISOR,
        organisation__kind=Organisation.Kind.ADVISORY_UNIT,
        organisation__enrolments__programme=programme,
        organisation__enrolments__left_at__isnull=True,
    ).exists()


# Matching management (profiles overview, weights, pair rules, runs): facilitators.
rules.add_perm("matching.manage_matching", is_facilitator)
# A company profile (object: the company's Enrolment in the programme).
rules.add_perm("matching.edit_company_profile", owns_enrolled_company)
# An advisor's own profile (object: the Programme).
rules.add_perm("matching.edit_advisor_profile", advises_in_programme)

# Case permissions live beside the case views.
from matching import case_rules  # noqa: E402, F401
