"""Looking up a logbook for a request: permission check (404) and the access log.

Every read, search, change, export and deletion by someone outside the company
is written to the access log; the company's own people are not logged.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from bifrost.accounts import audit
from logbook.models import Logbook
from logbook.rules import belongs_to_company


def logbook_or_404(user, pk: int, perm: str = "logbook.view_logbook") -> Logbook:
    """The logbook if ``user`` has ``perm`` on it; 404 for missing and forbidden alike."""
    logbook = get_object_or_404(Logbook.objects.select_related("company", "programme"), pk=pk)
    if not user.has_perm(perm, logbook):
        raise Http404
    return logbook


def is_outsider(user, logbook: Logbook) -> bool:
    return not belongs_to_company(user, logbook)


def log_access(
    request, logbook: Logbook, action: str, object_kind: str, object_id: int | None = None
) -> None:
    """Record an access by someone outside the company (no-op for the company's own people)."""
    if is_outsider(request.user, logbook):
        audit.record(
            user=request.user,
            organisation=logbook.company,
            action=action,
            object_kind=object_kind,
            object_id=object_id,
            request=request,
        )
