"""The access log of a logbook: every read, search, export and comment by someone
outside the company is written there (who, what, when).

The company's own people are not logged. Writing to a logbook (entries, drafts,
deletions, readiness, situations, change logics, consent and settings) is only
for them, so changes never appear in the log.
"""

from bifrost.accounts import audit
from logbook.access.rules import is_outsider
from logbook.models import Logbook


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
