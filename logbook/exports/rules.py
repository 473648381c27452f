"""Looking up a PDF export inside a logbook the person may export (access is decided
on the logbook, `logbook.access.rules`): one 404 for missing, of another logbook
and no longer kept."""

from django.db.models import QuerySet
from django.http import Http404

from logbook.access.rules import can_read_logbooks
from logbook.exports import selectors
from logbook.exports.pdf import KEEP_FOR
from logbook.models import Logbook, LogbookExport


def export_or_404(logbook: Logbook, pk: int) -> LogbookExport:
    export = selectors.kept_exports(logbook, keep_for=KEEP_FOR).filter(pk=pk).first()
    if export is None:
        raise Http404
    return export


def logbook_exports_visible(user) -> QuerySet[LogbookExport]:
    """The PDF exports of the logbooks `user` may read and export (the export page asks
    the same: `logbook.export_logbook` is `can_read`)."""
    return LogbookExport.objects.filter(logbook__in=can_read_logbooks(user))
