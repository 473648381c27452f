"""The overview as a table for the offer's reporting (CSV for Danish Excel, XLSX),
written by the core's spreadsheet writers. One row per sent request: its state,
workplace, provider, themes and dates, never what the request says (situation, goals)."""

import datetime
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from advice.models import AdviceRequest
from advice.overview.selectors import waiting_days
from bifrost.core import spreadsheets


def header() -> list[StrOrPromise]:
    return [
        _("Request no."),
        _("Offer round"),
        _("State"),
        _("Workplace"),
        _("Unit"),
        _("Workplace kind"),
        _("Provider"),
        _("Themes"),
        _("Participants"),
        _("Expected working hours"),
        _("Sent"),
        _("Confirmed (queue place)"),
        _("Queue number"),
        _("Accepted"),
        _("Waiting days"),
    ]


def rows(requests) -> Iterator[list]:
    now = timezone.now()
    for request in requests:
        yield _row(request, now)


def _row(request: AdviceRequest, now: datetime.datetime) -> list:
    return [
        request.pk,
        request.round.name,
        str(request.get_state_display()),
        request.workplace_name,
        request.unit,
        str(request.get_workplace_kind_display()) if request.workplace_kind else "",
        request.provider.name if request.provider else "",
        ", ".join(theme.title for theme in request.themes.all()),
        request.participants,
        request.expected_hours,
        request.submitted_at,
        request.queued_at,
        request.queue_number,
        getattr(request, "accepted_at", None),
        waiting_days(request, now),
    ]


def overview_table(requests) -> spreadsheets.Table:
    """Danish headers whatever the reader's language: the file is for Danish Excel."""
    stamp = timezone.localdate().isoformat()
    return spreadsheets.Table(
        columns=header(),
        rows=lambda: rows(requests),
        sheet_title=_("Requests"),
        filename=f"advice-requests-{stamp}",
    )
