"""The administrators' overview (facilitators): all sent requests with state and waiting
time (filtered, paginated), the counts as charts with tables, and the export."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from advice.overview import charts, exports, selectors
from advice.overview.forms import OverviewFilterForm
from advice.overview.rules import VIEW
from bifrost.core import spreadsheets
from bifrost.core.access import paginate, require_perm


def _filtered(request):
    require_perm(request.user, VIEW)
    form = OverviewFilterForm(request.GET or None)
    return form, selectors.overview_requests(form.filters())


@login_required
@require_GET
def overview(request):
    form, requests = _filtered(request)
    page = paginate(request, requests, per_page=50)
    now = timezone.now()
    for item in page.object_list:
        item.waiting = selectors.waiting_days(item, now)
    return render(
        request,
        "advice/overview/overview.html",
        {"form": form, "page_obj": page, "total": page.paginator.count},
    )


CHARTS = [
    ("theme", _("Requests per theme")),
    ("provider", _("Requests per provider")),
    ("kind", _("Requests per workplace kind")),
    ("month", _("Requests per month (sent)")),
]


@login_required
@require_GET
def overview_counts(request):
    require_perm(request.user, VIEW)
    counts = selectors.counts()
    counts["month"] = [(date_format(month, "YEAR_MONTH_FORMAT"), n) for month, n in counts["month"]]
    sections = []
    for key, title in CHARTS:
        rows = counts[key]
        label = str(title)
        sections.append(
            {
                "key": key,
                "title": label,
                "rows": [(name, number_format(n, force_grouping=True)) for name, n in rows],
                "chart": charts.bar_chart(rows, title=label, chart_id=f"chart-{key}"),
            }
        )
    return render(request, "advice/overview/counts.html", {"sections": sections})


@login_required
@require_GET
def overview_csv(request):
    _form, requests = _filtered(request)
    return spreadsheets.download(exports.overview_table(requests), "csv")


@login_required
@require_GET
def overview_xlsx(request):
    _form, requests = _filtered(request)
    return spreadsheets.download(exports.overview_table(requests), "xlsx")
