"""Why a case needs its advisor's attention now, and how urgent that is.

The advisor's dashboard lists her active cases most urgent first. A case's urgency
is the sum of the weights of its reasons, each shown in words:

    overdue tasks                                   OVERDUE       300
    no company meeting for NO_CONTACT_WEEKS weeks   NO_CONTACT    200
    logbook entries she has not read (logbook)      NEW_ENTRIES   100
    the next development meeting within
    MEETING_SOON_DAYS and no input written yet      INPUT_MISSING  50

so an overdue task outranks a silence, which outranks unread entries. Ties go to
the case whose next development meeting comes first, then by company name.

Apps further right add reasons with `register_reasons` in their AppConfig.ready
(matching may not import logbook); `compute(cases, *, viewer)` returns
{case.pk: [Reason, ...]} in a fixed number of queries for all the cases at once.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: No company meeting for this many weeks is "no contact".
NO_CONTACT_WEEKS = 3
#: The input for a development meeting this close that is not written yet is flagged.
MEETING_SOON_DAYS = 7

OVERDUE = 300
NO_CONTACT = 200
NEW_ENTRIES = 100
INPUT_MISSING = 50


@dataclass(frozen=True)
class Reason:
    weight: int
    text: str
    #: Where it is handled.
    url: str


_sources: dict[str, Callable[..., dict[int, list[Reason]]]] = {}


def register_reasons(*, key: str, compute: Callable[..., dict[int, list[Reason]]]) -> None:
    _sources[key] = compute


def extra_reasons(cases: list[Any], *, viewer: Any) -> dict[int, list[Reason]]:
    """Every registered source's reasons for `cases`, merged per case."""
    merged: dict[int, list[Reason]] = {}
    if not cases:
        return merged
    for compute in _sources.values():
        for pk, reasons in compute(cases, viewer=viewer).items():
            merged.setdefault(pk, []).extend(reasons)
    return merged


def urgency(reasons: list[Reason]) -> int:
    return sum(reason.weight for reason in reasons)
