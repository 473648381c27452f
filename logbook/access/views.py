"""The company's access log: who outside the company read or exported its logbook,
as sentences on a page (filtered by person and period, paginated) and as a Danish
spreadsheet (CSV for Danish Excel, or XLSX) with the same filters."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bifrost.core import spreadsheets
from bifrost.core.access import paginate
from logbook.access import selectors
from logbook.access.forms import AccessLogFilterForm
from logbook.access.rules import logbook_or_404
from logbook.logbooks.views import page_context

PERM = "logbook.view_access_log"
PER_PAGE = 50


def _filtered(request, logbook):
    """The filter form (bound to the GET) and the rows it selects. A filter that is not
    valid shows its errors and filters nothing."""
    form = AccessLogFilterForm(
        request.GET if request.GET.keys() - {"page"} else None,
        people=selectors.people(logbook),
    )
    return form, selectors.access_log(logbook, **form.filters())


@login_required
@require_GET
def access_log(request, pk: int):
    logbook = logbook_or_404(request.user, pk, PERM)
    form, rows = _filtered(request, logbook)
    page = paginate(request, rows, PER_PAGE)
    sentences = selectors.described(page.object_list, company_id=logbook.company_id)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "logbook/access/access_log.html",
        page_context(
            request,
            logbook,
            page=page,
            sentences=sentences,
            filter_form=form,
            filtered=form.is_bound and form.is_valid() and any(form.filters().values()),
            export_query=query.urlencode(),
        ),
    )


def _table(logbook, rows):
    header = [
        _("When (Danish time)"),
        _("Who"),
        _("E-mail"),
        _("Role"),
        _("What they did"),
        _("What"),
        _("From where"),
    ]
    body = []
    for chunk in _chunks(rows.iterator(chunk_size=500), 500):
        for item in selectors.described(chunk, company_id=logbook.company_id):
            row = item.row
            body.append(
                [
                    item.when.replace(tzinfo=None),
                    item.name,
                    row.user_label,
                    item.role,
                    row.get_action_display(),
                    item.what,
                    row.ip_address or "",
                ]
            )
    return header, body


def _chunks(iterator, size):
    chunk = []
    for item in iterator:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def access_log_csv(request, pk: int):
    """CSV for Danish Excel (semicolons, UTF-8 with BOM), with the page's filters."""
    logbook = logbook_or_404(request.user, pk, PERM)
    _form, rows = _filtered(request, logbook)
    header, body = _table(logbook, rows)
    return _download(
        spreadsheets.csv_for_excel(header, body), spreadsheets.CSV_CONTENT_TYPE, "adgangslog.csv"
    )


@login_required
@require_GET
def access_log_xlsx(request, pk: int):
    """The same table as XLSX (dates stay dates), with the page's filters."""
    logbook = logbook_or_404(request.user, pk, PERM)
    _form, rows = _filtered(request, logbook)
    header, body = _table(logbook, rows)
    content = spreadsheets.xlsx(header, body, sheet_title=_("Access log"))
    return _download(content, spreadsheets.XLSX_CONTENT_TYPE, "adgangslog.xlsx")
