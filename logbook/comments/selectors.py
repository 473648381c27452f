"""Reads for an entry's thread: its comments, and who takes part in it."""

from bifrost.accounts.models import Membership, User
from bifrost.core.threads.selectors import thread_comments
from logbook.models import Entry, EntryComment, Logbook
from matching.models import Case


def comments(entry: Entry) -> list[EntryComment]:
    """Every comment on the entry (placeholders too), oldest first: one query."""
    return thread_comments(EntryComment.objects.filter(entry=entry))


def company_people(logbook: Logbook) -> list[User]:
    """The members of the logbook's company (they read and write it)."""
    return [
        m.user
        for m in Membership.objects.filter(organisation_id=logbook.company_id).select_related(
            "user"
        )
    ]


def consented_advisor(logbook: Logbook) -> User | None:
    """The advisor of the company's active case while the company shares with her."""
    if not logbook.share_with_advisor:
        return None
    case = (
        Case.objects.filter(
            programme_id=logbook.programme_id,
            company_id=logbook.company_id,
            status=Case.Status.ACTIVE,
        )
        .select_related("advisor")
        .first()
    )
    return case.advisor if case is not None else None
