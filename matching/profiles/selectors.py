"""Reads for company and advisor profiles and the matching landing page."""

from django.db.models import QuerySet

from bifrost.accounts.models import Organisation, Role
from knowledge.models import RoleSelfAssessment
from matching.models import AdvisorProfile, Case, CompanyProfile
from programme.models import Enrolment, Programme


def company_enrolment(*, programme_id: int, company_id: int) -> Enrolment | None:
    """The company's active enrolment in the programme (with both loaded), if any."""
    return (
        Enrolment.objects.select_related("organisation", "programme")
        .filter(programme_id=programme_id, organisation_id=company_id, left_at__isnull=True)
        .first()
    )


def enrolled_units(programme: Programme) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        kind=Organisation.Kind.ADVISORY_UNIT,
        enrolments__programme=programme,
        enrolments__left_at__isnull=True,
    ).order_by("name")


def advisor_units(*, programme: Programme, advisor) -> QuerySet[Organisation]:
    """The advisor's own units that are enrolled in the programme."""
    return enrolled_units(programme).filter(
        memberships__user=advisor, memberships__role=Role.ADVISOR
    )


def company_profile_of(*, programme: Programme, company: Organisation) -> CompanyProfile | None:
    return (
        CompanyProfile.objects.filter(programme=programme, company=company)
        .prefetch_related("existing_units")
        .first()
    )


def advisor_profile_of(*, programme: Programme, advisor) -> AdvisorProfile | None:
    return AdvisorProfile.objects.filter(programme=programme, advisor=advisor).first()


def role_scores_from_self_assessment(user) -> dict[str, int] | None:
    """Percentages per role from the person's latest saved self-assessment, if any.

    The self-assessment stores an average rating 1–5 per role slug; the knowledge
    site's chart shows it as ``(average - 1) / 4 × 100`` percent, and so do we.
    """
    latest = RoleSelfAssessment.objects.filter(user=user).order_by("-created_at", "-pk").first()
    if latest is None:
        return None
    result = {}
    for slug, average in (latest.scores or {}).items():
        try:
            value = float(average)
        except (TypeError, ValueError):
            continue
        result[slug] = max(0, min(100, round((value - 1) / 4 * 100)))
    return result


# --- The landing page ------------------------------------------------------------------


def programmes_newest_first() -> QuerySet[Programme]:
    return Programme.objects.order_by("-starts_on", "name")


def company_rows(enrolments: QuerySet[Enrolment]) -> list[dict]:
    """Per enrolment: whether the company's profile is filled in and its active case
    (three queries). `enrolments` is what the person may see (the profile rule)."""
    rows = list(
        enrolments.select_related("programme", "organisation").order_by(
            "-programme__starts_on", "organisation__name"
        )
    )
    company_ids = {e.organisation_id for e in rows}
    profiles = set(
        CompanyProfile.objects.filter(company_id__in=company_ids).values_list(
            "programme_id", "company_id"
        )
    )
    cases = {
        (c.programme_id, c.company_id): c
        for c in Case.objects.filter(
            company_id__in=company_ids, status=Case.Status.ACTIVE
        ).select_related("advisor", "unit")
    }
    return [
        {
            "enrolment": e,
            "has_profile": (e.programme_id, e.organisation_id) in profiles,
            "case": cases.get((e.programme_id, e.organisation_id)),
        }
        for e in rows
    ]


def advisor_rows(programmes: QuerySet[Programme], *, advisor) -> list[dict]:
    """Per programme the advisor advises in: their profile there, if any (two queries)."""
    own = {p.programme_id: p for p in AdvisorProfile.objects.filter(advisor=advisor)}
    return [
        {"programme": p, "profile": own.get(p.pk)}
        for p in programmes.order_by("-starts_on", "name")
    ]
