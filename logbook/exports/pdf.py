"""A company's logbook as a PDF, declared once as an export kind.

One `LogbookExport` row per logbook and version (a hash of everything the PDF
shows plus the chosen options, `selectors.export_version`), made by the task
`logbook.export_pdf`. Requesting, queueing, the idempotent build and the purge
are the core's export framework (`bifrost.core.exports`): files and rows are
kept for 7 days and then removed by the scheduled `core.purge_exports`; the file
name is derived from the logbook and the version.

The PDF is laid out with blocks, not tables (WeasyPrint lays out tables much
more slowly), and its data is loaded in a fixed number of queries.
"""

from datetime import timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from bifrost.core.exports.kinds import ExportKind, register
from bifrost.core.pdf import refuse_url
from knowledge.rendering import render_markdown
from logbook.exports import selectors
from logbook.exports.grouping import grouped
from logbook.insights import charts
from logbook.insights import selectors as insights_selectors
from logbook.models import Logbook, LogbookExport

KEEP_FOR = timedelta(days=7)
# A row still waiting or running this long after it was requested lost its task
# (broker flushed, worker killed past the redelivery window): a new request
# queues it again. Well above the task's time limit (300 s).
STALE_AFTER = timedelta(minutes=15)
TEMPLATE = "logbook/exports/pdf.html"


def file_name(export: LogbookExport) -> str:
    """Deterministic: a retry writes to the same name instead of adding a file."""
    return f"exports/logbook/logbook-{export.logbook_id}-{export.version[:16]}.pdf"


def _failure_message(error: BaseException) -> str:
    """What the row records: a sentence for people, the error class for operators."""
    return (_("The PDF could not be made (%(error)s).") % {"error": type(error).__name__})[:300]


def _progress(export_id: int, value: int) -> None:
    LOGBOOK_PDF.set_progress(export_id, value)


def pdf_context(export: LogbookExport) -> dict:
    """Everything the PDF template needs, loaded in a fixed number of queries."""
    logbook = Logbook.objects.select_related("company", "programme").get(pk=export.logbook_id)
    items = list(selectors.entries(logbook, date_from=export.date_from, date_to=export.date_to))
    for entry in items:
        entry.body_html = mark_safe(render_markdown(entry.body))  # noqa: S308 — sanitised (nh3)
    meetings = selectors.meetings(logbook)
    checks = insights_selectors.readiness_history(logbook)
    situations = selectors.critical_situations(
        logbook, date_from=export.date_from, date_to=export.date_to
    )
    dates = [entry.entry_date for entry in items]
    return {
        "logbook": logbook,
        "export": export,
        "groups": grouped(items, export.grouping, meetings),
        "entry_count": len(items),
        "period_from": export.date_from or (min(dates) if dates else None),
        "period_to": export.date_to or (max(dates) if dates else None),
        "readiness_chart": charts.readiness_chart_svg(checks, id_prefix="pdf-readiness"),
        "readiness_checks": checks,
        "critical_situations": situations,
        "generated_at": timezone.localtime(),
    }


def render_document(export: LogbookExport, *, progress: bool = True):
    """The laid-out WeasyPrint document (pages) of an export."""
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    # One file serves everyone, so it is made in the site's default language and
    # time zone, not in whatever the worker (or an eager request) has active.
    with (
        translation.override(settings.LANGUAGE_CODE),
        timezone.override(settings.TIME_ZONE),
    ):
        context = pdf_context(export)
        if progress:
            _progress(export.pk, 20)
        html = render_to_string(TEMPLATE, context)
    if progress:
        _progress(export.pk, 40)
    # No base_url and a fetcher that refuses everything: the PDF loads nothing
    # from outside (no network, no local files beyond the system fonts).
    document = HTML(string=html, url_fetcher=refuse_url).render()
    if progress:
        _progress(export.pk, 85)
    return document


def render_pdf(export: LogbookExport) -> tuple[bytes, int]:
    """The PDF bytes and the number of pages."""
    document = render_document(export)
    return document.write_pdf(), len(document.pages)


def _render(export: LogbookExport) -> tuple[bytes, int]:
    return render_pdf(export)  # looked up when called, so a test can replace it


LOGBOOK_PDF = register(
    ExportKind(
        name="logbook_pdf",
        model=LogbookExport,
        task="logbook.export_pdf",
        render=_render,
        file_name=file_name,
        keep_for=KEEP_FOR,
        stale_after=STALE_AFTER,
        failure_message=_failure_message,
        start_progress=5,
    )
)
