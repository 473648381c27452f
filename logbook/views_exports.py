"""Logbook exports: the PDF (ask, watch, download), CSV and JSON, the research dataset.

The views parse the request and check access: anyone without
``logbook.export_logbook`` on the logbook gets 404 on every URL here, and the
research dataset is 404 for everyone but facilitators. `logbook.exports` and
`logbook.research` own the work. Files are served here, never from MEDIA_URL,
so the permission check holds for the download too. Every export and download
by someone outside the company is written to the access log; nothing here may
be cached (``Cache-Control: no-store``).
"""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from bifrost.accounts.models import AccessLogEntry
from bifrost.core.access import require_perm
from logbook import exports, research
from logbook.access import log_access, logbook_or_404
from logbook.forms_exports import ExportForm
from logbook.models import Logbook, LogbookExport
from programme.models import Programme

PERM = "logbook.export_logbook"
EXPORT = AccessLogEntry.Action.EXPORT
RECENT = 10
# slugify() drops letters without an ASCII decomposition; spell the Danish ones out.
_DANISH_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


def _logbook(request, pk: int) -> Logbook:
    return logbook_or_404(request.user, pk, PERM)


def _export(logbook: Logbook, export_pk: int) -> LogbookExport:
    """An export of this logbook that is still kept; 404 otherwise."""
    export = LogbookExport.objects.filter(pk=export_pk, logbook=logbook).first()
    if export is None or not exports.is_kept(export):
        raise Http404
    return export


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def download_name(logbook: Logbook, extension: str) -> str:
    slug = slugify(logbook.company.name.translate(_DANISH_LETTERS)) or "company"
    return f"logbook-{slug}-{timezone.localdate().isoformat()}.{extension}"


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def export_page(request, pk: int):
    """Choose what to export, start the PDF, and see the recent exports."""
    logbook = _logbook(request, pk)
    if request.method == "POST":
        form = ExportForm(request.POST)
        if form.is_valid():
            export = exports.request_export(
                logbook=logbook,
                user=request.user,
                date_from=form.cleaned_data["date_from"],
                date_to=form.cleaned_data["date_to"],
                grouping=form.cleaned_data["grouping"],
            )
            log_access(request, logbook, EXPORT, "logbook_export", export.pk)
            return redirect("logbook:export", pk=logbook.pk)
    else:
        form = ExportForm()
    recent = list(
        LogbookExport.objects.filter(
            logbook=logbook, created_at__gte=timezone.now() - exports.KEEP_FOR
        ).order_by("-created_at", "-pk")[:RECENT]
    )
    context = {"logbook": logbook, "form": form, "exports": recent}
    return render(request, "logbook/exports/export.html", context)


@never_cache
@login_required
@require_safe
def export_status(request, pk: int, export_pk: int):
    """One export's status; with HX-Request only the fragment that polls itself."""
    logbook = _logbook(request, pk)
    export = _export(logbook, export_pk)
    context = {"logbook": logbook, "export": export}
    if _is_htmx(request):
        return render(request, "logbook/exports/_status.html", context)
    return render(request, "logbook/exports/status.html", context)


@never_cache
@login_required
@require_safe
def export_download(request, pk: int, export_pk: int):
    logbook = _logbook(request, pk)
    export = _export(logbook, export_pk)
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
def export_csv(request, pk: int):
    """The whole logbook as CSV (entries with all fields and their comments)."""
    logbook = _logbook(request, pk)
    log_access(request, logbook, EXPORT, "logbook_csv", logbook.pk)
    return _attachment(
        exports.logbook_csv(logbook), "text/csv; charset=utf-8", download_name(logbook, "csv")
    )


@never_cache
@login_required
@require_safe
def export_json(request, pk: int):
    """The whole logbook as JSON (entries with all fields and their comments)."""
    logbook = _logbook(request, pk)
    log_access(request, logbook, EXPORT, "logbook_json", logbook.pk)
    return _attachment(
        exports.logbook_json(logbook), "application/json", download_name(logbook, "json")
    )


@never_cache
@login_required
@require_safe
def research_dataset(request, pk: int):
    """The programme's pseudonymised research dataset (consented logbooks only)."""
    programme = get_object_or_404(Programme, pk=pk)
    require_perm(request.user, "logbook.export_research_dataset", programme)
    logbooks, rows = research.dataset(programme)
    for logbook in logbooks:
        log_access(request, logbook, EXPORT, "research_dataset", programme.pk)
    slug = slugify(programme.name.translate(_DANISH_LETTERS)) or "programme"
    filename = f"research-dataset-{slug}-{timezone.localdate().isoformat()}.csv"
    return _attachment(research.dataset_csv(rows), "text/csv; charset=utf-8", filename)
