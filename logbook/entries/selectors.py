"""Reads of logbook entries (the list with filters and search, one entry, versions,
drafts, recently deleted, what an entry may link to), each a fixed number of SQL
queries whatever the data size."""

import datetime
from datetime import timedelta
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import CharField, Count, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from bifrost.core.search import danish
from knowledge.models import Kind as PageKind
from knowledge.models import Page
from logbook.entries.index import ENTRY_FTS
from logbook.entries.schema import LINE_FIELDS, MEETING_FIELD, TEXT_FIELDS, EntryData
from logbook.models import Entry, EntryDraft, EntryVersion, Logbook
from matching.cases.dashboard import ADVISOR
from matching.models import Case, CaseGoal
from programme.models import Meeting

# A deleted entry can be brought back for this many days; then it is purged.
UNDO_DAYS = 30
LINKABLE_PAGE_KINDS = (PageKind.PRINCIPLE, PageKind.PHASE)


def _other_text():
    """What the search looks in besides the title: every other written field."""
    parts: list = []
    for name in TEXT_FIELDS:
        if name != "title":
            parts += [name, Value(" ")]
    for name in LINE_FIELDS:
        parts += [Cast(name, TextField()), Value(" ")]
    return Concat(*parts[:-1], output_field=CharField())


def _search(qs: QuerySet[Entry], query: str) -> QuerySet[Entry]:
    """The entries of `qs` whose written fields match `query` in Danish: any
    inflection, websearch syntax ("phrase", or, -word), on either database."""
    if connection.vendor == "postgresql":
        vector = SearchVector("title", weight="A", config="danish") + SearchVector(
            _other_text(), weight="B", config="danish"
        )
        return qs.annotate(search=vector).filter(
            search=SearchQuery(query, config="danish", search_type="websearch")
        )
    groups = danish.parse_query(query).fts5_groups()
    if not groups:
        return qs.none()
    return qs.filter(ENTRY_FTS.matching(groups))


def entries(
    logbook: Logbook, *, kind: str = "", meeting_id: int | None = None, query: str = ""
) -> QuerySet[Entry]:
    """The logbook's live entries, newest first, optionally filtered and searched."""
    qs: QuerySet[Entry] = (
        Entry.objects.filter(logbook=logbook, deleted_at__isnull=True)
        .select_related("author", "meeting")
        .annotate(comment_count=Count("comments", filter=Q(comments__deleted_at__isnull=True)))
        .order_by("-entry_date", "-pk")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if meeting_id:
        qs = qs.filter(meeting_id=meeting_id)
    query = " ".join((query or "").split())
    if query:
        qs = _search(qs, query)
    return qs


def meetings(logbook: Logbook) -> QuerySet[Meeting]:
    return Meeting.objects.filter(programme_id=logbook.programme_id).order_by("number")


def entry(logbook: Logbook, entry_pk: int) -> Entry | None:
    """A live entry with what its page shows (links prefetched; the thread is
    logbook.comments.selectors.comments)."""
    return (
        Entry.objects.filter(logbook=logbook, pk=entry_pk, deleted_at__isnull=True)
        .select_related("author", "updated_by", "meeting")
        .prefetch_related("goals", "knowledge_pages")
        .first()
    )


def versions(entry: Entry) -> QuerySet[EntryVersion]:
    return EntryVersion.objects.filter(entry=entry).select_related("saved_by").order_by("-number")


def recently_deleted(logbook: Logbook, *, now=None) -> QuerySet[Entry]:
    cutoff = (now or timezone.now()) - timedelta(days=UNDO_DAYS)
    return (
        Entry.objects.filter(logbook=logbook, deleted_at__gte=cutoff)
        .select_related("deleted_by")
        .order_by("-deleted_at")
    )


def draft(*, logbook: Logbook, entry: Entry | None, user) -> EntryDraft | None:
    drafts = EntryDraft.objects.filter(user=user)
    if entry is None:
        return drafts.filter(logbook=logbook, entry__isnull=True).first()
    return drafts.filter(entry=entry).first()


def linkable_goals(logbook: Logbook) -> QuerySet[CaseGoal]:
    """The goals of the company's active case in the programme."""
    return CaseGoal.objects.filter(
        case__programme_id=logbook.programme_id,
        case__company_id=logbook.company_id,
        case__status=Case.Status.ACTIVE,
    ).order_by("position", "pk")


def linkable_pages() -> QuerySet[Page]:
    """Published principles and phases."""
    return Page.objects.filter(kind__in=LINKABLE_PAGE_KINDS, status=Page.Status.PUBLISHED).order_by(
        "kind", "order", "title"
    )


def data_from_snapshot(snapshot_data: dict, *, logbook: Logbook) -> EntryData:
    """EntryData from a stored version or draft (links that no longer exist are left out)."""
    try:
        entry_date = datetime.date.fromisoformat(snapshot_data.get("entry_date") or "")
    except ValueError:
        entry_date = timezone.localdate()
    values: dict[str, Any] = {
        "kind": snapshot_data.get("kind") or Entry.Kind.PROBLEM_FOCUS,
        "entry_date": entry_date,
        MEETING_FIELD: None,
    }
    for name in TEXT_FIELDS:
        values[name] = snapshot_data.get(name) or ""
    for name in LINE_FIELDS:
        values[name] = list(snapshot_data.get(name) or [])
    if snapshot_data.get(MEETING_FIELD):
        values[MEETING_FIELD] = meetings(logbook).filter(pk=snapshot_data[MEETING_FIELD]).first()
    values["goals"] = list(linkable_goals(logbook).filter(pk__in=snapshot_data.get("goals") or []))
    values["knowledge_pages"] = list(
        linkable_pages().filter(pk__in=snapshot_data.get("knowledge_pages") or [])
    )
    return EntryData(**values)


def entries_since_last_meeting(cases, *, reader: str = ADVISOR) -> dict[int, int | None]:
    """For the case tables: per case, live entries created since the programme's most
    recent development meeting that has started (or since the programme start); None
    when the company does not share the logbook with `reader` (its advisor, or the
    facilitators as researchers). Three queries."""
    consent = "share_with_advisor" if reader == ADVISOR else "share_with_researchers"
    cases = list(cases)
    if not cases:
        return {}
    programme_ids = {case.programme_id for case in cases}
    company_ids = {case.company_id for case in cases}
    now = timezone.now()
    since: dict[int, object] = {}
    for programme_id, starts_at in (
        Meeting.objects.filter(
            programme_id__in=programme_ids,
            starts_at__lte=now,
            number__gte=1,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("programme_id", "-starts_at")
        .values_list("programme_id", "starts_at")
    ):
        since.setdefault(programme_id, starts_at)
    logbooks = {
        (row["programme_id"], row["company_id"]): row
        for row in Logbook.objects.filter(
            programme_id__in=programme_ids, company_id__in=company_ids
        ).values("pk", "programme_id", "company_id", consent, "programme__starts_on")
    }
    conditions = Q(pk__in=[])
    for row in logbooks.values():
        start = since.get(row["programme_id"])
        created = (
            Q(created_at__gte=start)
            if start
            else Q(created_at__date__gte=row["programme__starts_on"])
        )
        conditions |= Q(logbook_id=row["pk"]) & created
    counts = dict(
        Entry.objects.filter(deleted_at__isnull=True)
        .filter(conditions)
        .values("logbook_id")
        .annotate(n=Count("pk"))
        .values_list("logbook_id", "n")
    )
    result: dict[int, int | None] = {}
    for case in cases:
        found = logbooks.get((case.programme_id, case.company_id))
        if found is None:
            # No logbook yet: nothing written; the default consent shares with the
            # advisor only.
            result[case.pk] = 0 if reader == ADVISOR else None
        elif not found[consent]:
            result[case.pk] = None
        else:
            result[case.pk] = counts.get(found["pk"], 0)
    return result
