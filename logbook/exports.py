"""A company's logbook as a PDF (made by a Celery task), and as CSV and JSON.

PDF: one `LogbookExport` row per logbook and version (a hash of everything the
PDF shows plus the chosen options), made by the task `logbook.export_pdf`.
Requesting, queueing and the idempotent build are `bifrost.core.exports.jobs` (shared
with the agenda export); the file name is derived from the logbook and the
version. Files and rows are kept for 7 days (`purge_expired`, run by the task
`logbook.purge_expired`).

CSV and JSON: the whole logbook (entries with all fields and their comments)
for the company's own records; every CSV cell that a spreadsheet would read as
a formula is prefixed with an apostrophe.

The PDF is laid out with blocks, not tables (WeasyPrint lays out tables much
more slowly), and its data is loaded in a fixed number of queries.
"""

import csv
import datetime
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from bifrost.core.exports import jobs as pdf_jobs
from bifrost.core.pdf import refuse_url
from knowledge.rendering import render_markdown
from logbook import charts
from logbook.models import (
    CriticalSituation,
    Entry,
    EntryComment,
    Logbook,
    LogbookExport,
    ReadinessCheck,
)
from programme.models import Meeting

KEEP_FOR = timedelta(days=7)
# A row still waiting or running this long after it was requested lost its task
# (broker flushed, worker killed past the redelivery window): a new request
# queues it again. Well above the task's time limit (300 s).
STALE_AFTER = timedelta(minutes=15)
TEMPLATE = "logbook/pdf/logbook.html"


# --- What goes into an export --------------------------------------------------------


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
            Prefetch("comments", queryset=EntryComment.objects.select_related("author")),
        )
        .order_by("entry_date", "pk")
    )
    if date_from:
        qs = qs.filter(entry_date__gte=date_from)
    if date_to:
        qs = qs.filter(entry_date__lte=date_to)
    return qs


def _meetings(logbook: Logbook) -> list[Meeting]:
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
            for pk, entry_id, text in EntryComment.objects.filter(entry__in=entry_qs)
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


# --- Grouping ------------------------------------------------------------------------


@dataclass
class Group:
    key: str
    title: str
    entries: list = field(default_factory=list)


def group_by_kind(items: list[Entry]) -> list[Group]:
    groups = {kind.value: Group(kind.value, str(kind.label)) for kind in Entry.Kind}
    for entry in items:
        groups[entry.kind].entries.append(entry)
    return [group for group in groups.values() if group.entries]


def _local_date(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def group_by_meeting_period(items: list[Entry], meetings: list[Meeting]) -> list[Group]:
    """Periods between consecutive development meetings.

    A period starts on a meeting's day and ends the day before the next
    meeting; entries before the first meeting form their own period.
    """
    days = [(_local_date(meeting.starts_at), meeting) for meeting in meetings]
    date_fmt = "%d.%m.%Y"
    groups: list[Group] = []
    if days:
        first_day, first = days[0]
        groups.append(
            Group(
                "before",
                _("Before %(meeting)s (%(date)s)")
                % {"meeting": first.title, "date": first_day.strftime(date_fmt)},
            )
        )
    else:
        groups.append(Group("all", _("All entries")))
    for index, (day, meeting) in enumerate(days):
        if index + 1 < len(days):
            next_day, next_meeting = days[index + 1]
            title = _("From %(meeting)s (%(date)s) to %(next)s (%(next_date)s)") % {
                "meeting": meeting.title,
                "date": day.strftime(date_fmt),
                "next": next_meeting.title,
                "next_date": next_day.strftime(date_fmt),
            }
        else:
            title = _("After %(meeting)s (%(date)s)") % {
                "meeting": meeting.title,
                "date": day.strftime(date_fmt),
            }
        groups.append(Group(f"meeting-{meeting.pk}", title))
    for entry in items:
        index = 0
        for position, (day, _meeting) in enumerate(days):
            if entry.entry_date >= day:
                index = position + 1
        groups[index].entries.append(entry)
    return [group for group in groups if group.entries]


def grouped(items: list[Entry], grouping: str, meetings: list[Meeting]) -> list[Group]:
    if grouping == LogbookExport.Grouping.MEETING:
        return group_by_meeting_period(items, meetings)
    return group_by_kind(items)


# --- Requesting and building the PDF -------------------------------------------------


def file_name(export: LogbookExport) -> str:
    """Deterministic: a retry writes to the same name instead of adding a file."""
    return f"exports/logbook/logbook-{export.logbook_id}-{export.version[:16]}.pdf"


def request_export(
    *,
    logbook: Logbook,
    user,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    grouping: str = LogbookExport.Grouping.KIND,
) -> LogbookExport:
    """The export of the logbook's current content with these options; queues the task
    only when the row is new, failed before, lost its file, is about to be purged or
    waited so long that its task must be lost. The caller checks that ``user`` may
    export the logbook."""
    version = export_version(logbook, date_from=date_from, date_to=date_to, grouping=grouping)
    return pdf_jobs.request(
        LogbookExport,
        lookup={"logbook": logbook, "version": version},
        defaults={"date_from": date_from, "date_to": date_to, "grouping": grouping},
        user=user,
        queue_fn=_queue,
        stale_after=STALE_AFTER,
        keep_for=KEEP_FOR,
    )


def _queue(export_id: int) -> None:
    from logbook.tasks import export_pdf  # tasks imports this module

    pdf_jobs.queue(LogbookExport, export_id, export_pdf, _failure_message)


def _failure_message(error: BaseException) -> str:
    """What the row records: a sentence for people, the error class for operators."""
    return (_("The PDF could not be made (%(error)s).") % {"error": type(error).__name__})[:300]


def _progress(export_id: int, value: int) -> None:
    pdf_jobs.set_progress(LogbookExport, export_id, value)


def build_pdf(export_id: int) -> str:
    """Make the PDF of one export. Safe to run again: returns at once when done."""
    return pdf_jobs.build(
        LogbookExport,
        export_id,
        render=render_pdf,
        file_name=file_name,
        failure_message=_failure_message,
        start_progress=5,
    )


def pdf_context(export: LogbookExport) -> dict:
    """Everything the PDF template needs, loaded in a fixed number of queries."""
    logbook = Logbook.objects.select_related("company", "programme").get(pk=export.logbook_id)
    items = list(entries(logbook, date_from=export.date_from, date_to=export.date_to))
    for entry in items:
        entry.body_html = mark_safe(render_markdown(entry.body))  # noqa: S308 — sanitised (nh3)
    meetings = _meetings(logbook)
    checks = list(ReadinessCheck.objects.filter(logbook=logbook).order_by("taken_on", "pk"))
    situations = CriticalSituation.objects.filter(logbook=logbook).order_by("occurred_on", "pk")
    if export.date_from:
        situations = situations.filter(occurred_on__gte=export.date_from)
    if export.date_to:
        situations = situations.filter(occurred_on__lte=export.date_to)
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
        "critical_situations": list(situations),
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


def purge_expired(*, now=None) -> int:
    """Delete exports (rows and files) requested more than 7 days ago; returns how many."""
    return pdf_jobs.purge(LogbookExport, keep_for=KEEP_FOR, now=now)


def is_kept(export: LogbookExport, *, now=None) -> bool:
    return export.created_at >= (now or timezone.now()) - KEEP_FOR


# --- CSV and JSON --------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = [
    "id",
    "kind",
    "kind_label",
    "entry_date",
    "author",
    "title",
    "body",
    "for_whom",
    "when_text",
    "expected_effect",
    "hindrances",
    "helps",
    "meeting",
    "goals",
    "knowledge_pages",
    "version",
    "created_at",
    "updated_at",
    "comments",
]


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a '."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _name(user) -> str:
    return user.get_full_name() if user is not None else _("(deleted user)")


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


def entry_record(entry: Entry) -> dict:
    """One entry with all its fields and comments, as plain data."""
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "kind_label": str(entry.get_kind_display()),
        "entry_date": entry.entry_date.isoformat(),
        "author": _name(entry.author),
        "title": entry.title,
        "body": entry.body,
        "for_whom": entry.for_whom,
        "when_text": entry.when_text,
        "expected_effect": entry.expected_effect,
        "hindrances": list(entry.hindrances or []),
        "helps": list(entry.helps or []),
        "meeting": entry.meeting.title if entry.meeting else None,
        "goals": [goal.title for goal in entry.goals.all()],
        "knowledge_pages": [page.title for page in entry.knowledge_pages.all()],
        "version": entry.version,
        "created_at": _iso(entry.created_at),
        "updated_at": _iso(entry.updated_at),
        "comments": [
            {
                "author": _name(comment.author),
                "created_at": _iso(comment.created_at),
                "text": comment.text,
            }
            for comment in entry.comments.all()
        ],
    }


def logbook_records(logbook: Logbook) -> list[dict]:
    return [entry_record(entry) for entry in entries(logbook)]


def logbook_json(logbook: Logbook) -> bytes:
    data = {
        "company": logbook.company.name,
        "programme": logbook.programme.name,
        "exported_at": _iso(timezone.now()),
        "entries": logbook_records(logbook),
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def _list_cell(values: list) -> str:
    return "\n".join(str(value) for value in values)


def logbook_csv(logbook: Logbook) -> bytes:
    """One row per entry; lists one item a line; comments as "date – author: text"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in logbook_records(logbook):
        row = dict(record)
        for key in ("hindrances", "helps", "goals", "knowledge_pages"):
            row[key] = _list_cell(record[key])
        row["comments"] = _list_cell(
            f"{comment['created_at']} – {comment['author']}: {comment['text']}"
            for comment in record["comments"]
        )
        writer.writerow([safe_cell(row[column]) for column in CSV_COLUMNS])
    # A byte-order mark so that spreadsheet programs read æ, ø and å correctly.
    return ("\ufeff" + buffer.getvalue()).encode()
