"""Logbook exports: the PDF (ask, watch, download), CSV/XLSX and JSON, the research
dataset (CSV/XLSX).

The views parse the request and check access: anyone without
``logbook.export_logbook`` on the logbook gets 404 on every URL here, and the
research dataset is 404 for everyone but facilitators. `pdf`, `downloads` and
`research` own the work. Files are served here, never from MEDIA_URL, so the
permission check holds for the download too. Every export and download by
someone outside the company is written to the access log; nothing here may be
cached (``Cache-Control: no-store``).
"""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from bifrost.accounts.models import AccessLogEntry
from bifrost.core import spreadsheets
from bifrost.core.http import is_htmx
from bifrost.core.slugs import ascii_slug
from bifrost.core.submit import submit
from logbook.access.rules import logbook_or_404, programme_or_404
from logbook.access.services import log_access
from logbook.exports import downloads, research, selectors, services
from logbook.exports.forms import ExportForm
from logbook.exports.pdf import KEEP_FOR
from logbook.exports.rules import export_or_404
from logbook.models import Logbook, LogbookExport

PERM = "logbook.export_logbook"
EXPORT = AccessLogEntry.Action.EXPORT
READ = AccessLogEntry.Action.READ
RECENT = 10


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def download_name(logbook: Logbook, extension: str) -> str:
    slug = ascii_slug(logbook.company.name, fallback="company")
    return f"logbook-{slug}-{timezone.localdate().isoformat()}.{extension}"


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def export_page(request, pk: int):
    """Choose what to export, start the PDF, and see the recent exports."""
    logbook = logbook_or_404(request.user, pk, PERM)
    form = ExportForm(request.POST if request.method == "POST" else None)

    def start(data) -> LogbookExport:
        export = services.logbook_export_request(
            logbook=logbook,
            user=request.user,
            date_from=data["date_from"],
            date_to=data["date_to"],
            grouping=data["grouping"],
        )
        log_access(request, logbook, EXPORT, "logbook_export", export.pk)
        return export

    response = submit(
        request, form, start, success=None, redirect_to=reverse("logbook:export", args=[pk])
    )
    if response is not None:
        return response
    if request.method != "POST":
        # An outsider opening the export page has seen which exports exist.
        log_access(request, logbook, READ, "logbook_export_page")
    recent = list(selectors.kept_exports(logbook, keep_for=KEEP_FOR)[:RECENT])
    context = {"logbook": logbook, "form": form, "exports": recent}
    return render(request, "logbook/exports/export.html", context)


@never_cache
@login_required
@require_safe
def export_status(request, pk: int, export_pk: int):
    """One export's status; with HX-Request only the fragment that polls itself."""
    logbook = logbook_or_404(request.user, pk, PERM)
    export = export_or_404(logbook, export_pk)
    context = {"logbook": logbook, "export": export}
    if is_htmx(request):
        # The page polls every 2 s; the page load (or the request) was logged.
        return render(request, "logbook/exports/_status.html", context)
    log_access(request, logbook, READ, "logbook_export", export.pk)
    return render(request, "logbook/exports/status.html", context)


@never_cache
@login_required
@require_safe
def export_download(request, pk: int, export_pk: int):
    logbook = logbook_or_404(request.user, pk, PERM)
    export = export_or_404(logbook, export_pk)
    if export.status != LogbookExport.Status.DONE or not export.file:
        raise Http404
    try:
        handle = default_storage.open(export.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    log_access(request, logbook, EXPORT, "logbook_export", export.pk)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(logbook, "pdf"),
        content_type="application/pdf",
    )
    return _no_store(response)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return _no_store(response)


@never_cache
@login_required
@require_safe
def export_table(request, pk: int, fmt: str):
    """The whole logbook as Danish CSV or XLSX (entries with all fields and their
    comments); `fmt` comes from the URL."""
    logbook = logbook_or_404(request.user, pk, PERM)
    log_access(request, logbook, EXPORT, f"logbook_{fmt}", logbook.pk)
    return spreadsheets.download(downloads.logbook_table(logbook), fmt)


@never_cache
@login_required
@require_safe
def export_json(request, pk: int):
    """The whole logbook as JSON (entries with all fields and their comments)."""
    logbook = logbook_or_404(request.user, pk, PERM)
    log_access(request, logbook, EXPORT, "logbook_json", logbook.pk)
    return _attachment(
        downloads.logbook_json(logbook), "application/json", download_name(logbook, "json")
    )


@never_cache
@login_required
@require_safe
def research_dataset(request, pk: int, fmt: str):
    """The programme's pseudonymised research dataset (consented logbooks only), as
    Danish CSV or XLSX; `fmt` comes from the URL."""
    programme = programme_or_404(request.user, pk, "logbook.export_research_dataset")
    logbooks, table = research.dataset_table(programme)
    for logbook in logbooks:
        log_access(request, logbook, EXPORT, "research_dataset", programme.pk)
    return spreadsheets.download(table, fmt)
