"""Looking up a critical situation or an initiative inside a logbook the person may
reach (access is decided on the logbook, `logbook.access.rules`); "missing" and
"of another logbook" give the same 404."""

from django.http import Http404

from logbook.insights import selectors
from logbook.models import CriticalSituation, Entry, Logbook


def critical_situation_or_404(logbook: Logbook, pk: int) -> CriticalSituation:
    situation = selectors.critical_situation(logbook, pk)
    if situation is None:
        raise Http404
    return situation


def initiative_or_404(logbook: Logbook, pk: int) -> Entry:
    """A live initiative entry of `logbook` (the entry a change logic belongs to)."""
    entry = selectors.initiative(logbook, pk)
    if entry is None:
        raise Http404
    return entry
