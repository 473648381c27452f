"""What a case page can be drafted from: the logbook's initiatives with a saved
change logic, its entries to quote, the company's advisor, and the case pages
already drafted for the company (each a fixed number of queries)."""

from django.db.models import QuerySet

from knowledge.models import CaseApproval
from logbook.models import Entry, Logbook
from matching.models import Case

EXCERPT_LIMIT = 100


def initiatives_with_change_logic(logbook: Logbook) -> QuerySet[Entry]:
    return (
        Entry.objects.filter(
            logbook=logbook,
            kind=Entry.Kind.INITIATIVE,
            deleted_at__isnull=True,
            change_logic__isnull=False,
        )
        .select_related("change_logic", "meeting")
        .prefetch_related("knowledge_pages")
        .order_by("-entry_date", "-pk")
    )


def excerptable_entries(logbook: Logbook) -> QuerySet[Entry]:
    """The live entries the facilitator may quote, newest first (the latest 100)."""
    ids = (
        Entry.objects.filter(logbook=logbook, deleted_at__isnull=True)
        .order_by("-entry_date", "-pk")
        .values_list("pk", flat=True)[:EXCERPT_LIMIT]
    )
    return Entry.objects.filter(pk__in=list(ids)).order_by("-entry_date", "-pk")


def active_case(logbook: Logbook) -> Case | None:
    """The company's active case in the logbook's programme (its advisor is asked)."""
    return (
        Case.objects.filter(
            programme_id=logbook.programme_id,
            company_id=logbook.company_id,
            status=Case.Status.ACTIVE,
        )
        .select_related("advisor")
        .first()
    )


def case_pages_of(logbook: Logbook) -> list[CaseApproval]:
    """The case pages drafted about the company, newest first."""
    return list(
        CaseApproval.objects.filter(company_id=logbook.company_id)
        .select_related("page")
        .order_by("-created_at", "-pk")
    )


def staff_names_of_company(company_id: int) -> list[str]:
    """Every staff list the company keeps (one per programme), as one text each."""
    return list(Logbook.objects.filter(company_id=company_id).values_list("staff_names", flat=True))
