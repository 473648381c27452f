"""Reads for the logbook exports: what goes into an export (in a fixed number of
queries), the version hash of the PDF's content and the exports still kept."""

import datetime
import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from logbook.models import (
    CriticalSituation,
    Entry,
    EntryComment,
    Logbook,
    LogbookExport,
    ReadinessCheck,
)
from programme.models import Meeting


def entries(
    logbook: Logbook,
    *,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Entry]:
    """The logbook's live entries (oldest first) with everything the exports show,
    in a fixed number of queries: entries, goals, knowledge pages, comments."""
    qs = (
        Entry.objects.filter(logbook=logbook, deleted_at__isnull=True)
        .select_related("author", "meeting", "change_logic")
        .prefetch_related(
            "goals",
            "knowledge_pages",
            Prefetch("comments", queryset=EntryComment.objects.live().select_related("author")),
        )
        .order_by("entry_date", "pk")
    )
    if date_from:
        qs = qs.filter(entry_date__gte=date_from)
    if date_to:
        qs = qs.filter(entry_date__lte=date_to)
    return qs


def meetings(logbook: Logbook) -> list[Meeting]:
    """The programme's meetings that take place, in time order (the PDF's periods)."""
    return list(
        Meeting.objects.filter(programme_id=logbook.programme_id)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "number")
    )


def export_version(
    logbook: Logbook,
    *,
    date_from: datetime.date | None,
    date_to: datetime.date | None,
    grouping: str,
) -> str:
    """SHA-256 of what the PDF shows and the options, so changed content gets a new export.

    Entries are covered by their id, version and last change (a save bumps both);
    comments, readiness checks and critical situations by their content.
    """
    entry_qs = Entry.objects.filter(logbook=logbook, deleted_at__isnull=True)
    if date_from:
        entry_qs = entry_qs.filter(entry_date__gte=date_from)
    if date_to:
        entry_qs = entry_qs.filter(entry_date__lte=date_to)
    content = {
        "options": [
            date_from.isoformat() if date_from else None,
            date_to.isoformat() if date_to else None,
            grouping,
            settings.LANGUAGE_CODE,
        ],
        "logbook": [logbook.pk, logbook.company.name, logbook.programme.name],
        "entries": [
            [pk, version, updated.isoformat()]
            for pk, version, updated in entry_qs.order_by("pk").values_list(
                "pk", "version", "updated_at"
            )
        ],
        "comments": [
            [pk, entry_id, text]
            for pk, entry_id, text in EntryComment.objects.live()
            .filter(entry__in=entry_qs)
            .order_by("pk")
            .values_list("pk", "entry_id", "text")
        ],
        "readiness": [
            [pk, taken_on.isoformat(), scores, note]
            for pk, taken_on, scores, note in ReadinessCheck.objects.filter(logbook=logbook)
            .order_by("pk")
            .values_list("pk", "taken_on", "scores", "note")
        ],
        "critical": [
            [pk, occurred_on.isoformat(), trigger, happened, supported]
            for pk, occurred_on, trigger, happened, supported in (
                CriticalSituation.objects.filter(logbook=logbook)
                .order_by("pk")
                .values_list("pk", "occurred_on", "trigger", "what_happened", "what_supported")
            )
        ],
        "meetings": [
            [pk, title, starts_at.isoformat(), status]
            for pk, title, starts_at, status in Meeting.objects.filter(
                programme_id=logbook.programme_id
            )
            .order_by("pk")
            .values_list("pk", "title", "starts_at", "status")
        ],
    }
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def critical_situations(
    logbook: Logbook,
    *,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> list[CriticalSituation]:
    """The logbook's critical situations in the date range, oldest first."""
    situations = CriticalSituation.objects.filter(logbook=logbook).order_by("occurred_on", "pk")
    if date_from:
        situations = situations.filter(occurred_on__gte=date_from)
    if date_to:
        situations = situations.filter(occurred_on__lte=date_to)
    return list(situations)


def kept_exports(logbook: Logbook, *, keep_for: timedelta) -> QuerySet[LogbookExport]:
    """The logbook's PDF exports that are still kept, newest first."""
    return LogbookExport.objects.filter(
        logbook=logbook, created_at__gte=timezone.now() - keep_for
    ).order_by("-created_at", "-pk")


def describe_logbook_export(export: LogbookExport) -> tuple[str, str]:
    """What a failed logbook PDF is and where to ask for it again (the export page)."""
    label = _("Logbook PDF of %(company)s (%(programme)s)") % {
        "company": export.logbook.company.name,
        "programme": export.logbook.programme.name,
    }
    return label, reverse("logbook:export", args=[export.logbook_id])
