"""Writes of the logbook exports: asking for a PDF (the task makes it)."""

import datetime
from typing import cast

from logbook.exports import selectors
from logbook.exports.pdf import LOGBOOK_PDF
from logbook.models import Logbook, LogbookExport


def logbook_export_request(
    *,
    logbook: Logbook,
    user,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    grouping: str = LogbookExport.Grouping.KIND,
) -> LogbookExport:
    """The export of the logbook's current content with these options; queues the task
    only when the row is new, failed before, lost its file, is about to be purged or
    waited so long that its task must be lost. The caller checks that ``user`` may
    export the logbook."""
    version = selectors.export_version(
        logbook, date_from=date_from, date_to=date_to, grouping=grouping
    )
    export = LOGBOOK_PDF.request(
        lookup={"logbook": logbook, "version": version},
        defaults={"date_from": date_from, "date_to": date_to, "grouping": grouping},
        user=user,
    )
    return cast(LogbookExport, export)  # the kind's model
