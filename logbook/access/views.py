"""The company's access log: who outside the company read or exported its logbook,
as a page and as CSV."""

import csv
import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import Role
from bifrost.core.access import paginate
from bifrost.core.cells import neutralise
from logbook.access import selectors
from logbook.access.rules import logbook_or_404
from logbook.logbooks.views import page_context

PERM = "logbook.view_access_log"
ROLE_LABELS = dict(Role.choices)


@login_required
def access_log(request, pk: int):
    logbook = logbook_or_404(request.user, pk, PERM)
    page = paginate(request, selectors.access_log(logbook), 50)
    for row in page.object_list:
        row.role_label = ROLE_LABELS.get(row.role, row.role)
    return render(
        request, "logbook/access/access_log.html", page_context(request, logbook, page=page)
    )


@login_required
def access_log_csv(request, pk: int):
    logbook = logbook_or_404(request.user, pk, PERM)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
    writer = csv.writer(response)
    writer.writerow(
        [
            _("When (UTC)"),
            _("When (Copenhagen)"),
            _("Who"),
            _("Role"),
            _("What"),
            _("Object"),
            _("Object id"),
            _("From where"),
        ]
    )
    for row in selectors.access_log(logbook).iterator(chunk_size=500):
        writer.writerow(
            [
                row.created_at.astimezone(datetime.UTC).isoformat(timespec="seconds"),
                timezone.localtime(row.created_at).isoformat(timespec="seconds"),
                neutralise(row.user_label),
                ROLE_LABELS.get(row.role, row.role),
                row.get_action_display(),
                row.object_kind,
                row.object_id or "",
                row.ip_address or "",
            ]
        )
    return response
