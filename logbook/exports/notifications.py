"""The logbook export's notification: the PDF someone asked for is ready. Called by
the core's export build when it finishes one (registered in `LogbookConfig.ready`)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from logbook.models import LogbookExport

EXPORT_READY = "logbook_export_ready"


def export_ready(export: LogbookExport) -> None:
    if export.requested_by is None:
        return
    logbook = export.logbook
    notify(
        kind=EXPORT_READY,
        recipients=[export.requested_by],
        link=reverse("logbook:export", args=[logbook.pk]),
        # One per build: asking again later and getting a new file tells again.
        cause=f"logbook-export:{export.pk}:{export.finished_at:%Y%m%dT%H%M%S.%f}",
        title_template=_("The PDF of the logbook of %(company)s is ready"),
        context={"company": logbook.company.name},
    )
