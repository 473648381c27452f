"""Read queries on profiles, match runs and cases, shared by views, exports and tasks."""

from django.db.models import QuerySet

from matching.models import Case


def active_case(*, programme, company) -> Case | None:
    return (
        Case.objects.filter(programme=programme, company=company, status=Case.Status.ACTIVE)
        .select_related("advisor", "unit")
        .first()
    )


def advisor_is_on_company_case(*, user, programme, company) -> bool:
    """Whether the person is the advisor of the company's active case in the programme."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Case.objects.filter(
        programme=programme, company=company, advisor=user, status=Case.Status.ACTIVE
    ).exists()


def cases_of_advisor(user) -> QuerySet[Case]:
    return Case.objects.filter(advisor=user).select_related("programme", "company", "unit")
