"""Looking up an entry inside a logbook the person may reach.

Access is decided on the logbook (`logbook.access.rules`); these helpers find
one entry, version or recently deleted entry of that logbook and give the same
404 for "missing" and "of another logbook".
"""

from django.http import Http404

from logbook.entries import selectors
from logbook.models import Entry, EntryVersion, Logbook


def entry_or_404(logbook: Logbook, pk: int) -> Entry:
    """A live entry of `logbook`, with what its page shows."""
    entry = selectors.entry(logbook, pk)
    if entry is None:
        raise Http404
    return entry


def version_or_404(entry: Entry, number: int) -> EntryVersion:
    version = selectors.versions(entry).filter(number=number).first()
    if version is None:
        raise Http404
    return version


def deleted_entry_or_404(logbook: Logbook, pk: int) -> Entry:
    """An entry of `logbook` deleted in the last 30 days (that can still be brought back)."""
    entry = selectors.recently_deleted(logbook).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry
