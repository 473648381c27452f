"""Looking up a PDF export inside a logbook the person may export (access is decided
on the logbook, `logbook.access.rules`): one 404 for missing, of another logbook
and no longer kept."""

from django.http import Http404

from logbook.exports import selectors
from logbook.exports.pdf import KEEP_FOR
from logbook.models import Logbook, LogbookExport


def export_or_404(logbook: Logbook, pk: int) -> LogbookExport:
    export = selectors.kept_exports(logbook, keep_for=KEEP_FOR).filter(pk=pk).first()
    if export is None:
        raise Http404
    return export
