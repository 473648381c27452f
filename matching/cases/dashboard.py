"""Extra columns on the advisor's case dashboard, contributed by apps further right.

The dependency direction forbids matching from importing logbook, so the
logbook registers a column here (in its AppConfig.ready) and the dashboard
asks every registered column for its values in one call per column.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # lazily translated
    # Given the dashboard's cases and who reads the table, returns {case.pk: value};
    # must run a fixed number of queries whatever the number of cases.
    compute: Callable[..., dict[int, object]]


#: Who reads a case table: a case's advisor, or the facilitators (as researchers),
#: so a column can honour the consent that applies to that reader.
ADVISOR = "advisor"
RESEARCHER = "researcher"


_columns: dict[str, Column] = {}


def register_column(*, key: str, label, compute) -> None:
    _columns[key] = Column(key=key, label=label, compute=compute)


def columns() -> list[Column]:
    return list(_columns.values())
