"""Reads of logbooks: the lists of the landing page and the company's advisor."""

from django.db.models import QuerySet

from bifrost.accounts.models import User
from logbook.models import Logbook
from matching.models import Case


def logbook_list(*, by_programme: bool = False) -> QuerySet[Logbook]:
    """All logbooks, newest programme first (then by programme name when grouped by
    programme), then by company; narrowed by an access rule before it is shown."""
    order = ["-programme__starts_on", "company__name"]
    if by_programme:
        order.insert(1, "programme__name")
    return Logbook.objects.select_related("programme", "company").order_by(*order)


def advisor_of(logbook: Logbook) -> User | None:
    """The advisor of the company's active case in the programme (or None)."""
    case = (
        Case.objects.filter(
            programme_id=logbook.programme_id,
            company_id=logbook.company_id,
            status=Case.Status.ACTIVE,
        )
        .select_related("advisor")
        .first()
    )
    return case.advisor if case else None
