"""Reads for the dashboards' logbook panels: the company's logbook at a glance, the
comments people outside the company wrote since a time, and the entries an advisor
has not seen. A fixed number of queries each, whatever the number of logbooks,
entries or cases.

Which logbooks a person may reach is `logbook.access.rules`; the panels pass the
rule's queryset in.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from bifrost.accounts.models import AccessLogEntry, Membership
from bifrost.core.queries import count_of
from logbook.insights import readiness
from logbook.models import Entry, EntryComment, Logbook, ReadinessCheck

#: Before anything was ever read: every entry is unread.
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
#: The access-log rows that mean "opened the logbook" (its list of entries).
LOGBOOK_READS = (AccessLogEntry.Action.READ, AccessLogEntry.Action.SEARCH)
LOGBOOK_OBJECT = "logbook"


@dataclass
class LogbookGlance:
    logbook: Logbook
    last_entry: Entry | None
    entry_count: int
    readiness: readiness.Schedule


def logbooks_at_a_glance(logbooks: QuerySet[Logbook], *, today, limit: int = 3):
    """Each logbook (newest programme first) with its latest live entry, its number of
    entries and when the next readiness check is suggested. Two queries."""
    live = Entry.objects.filter(logbook=OuterRef("pk"), deleted_at__isnull=True)
    found = list(
        logbooks.select_related("programme", "company")
        .annotate(
            last_entry_pk=Subquery(live.order_by("-entry_date", "-pk").values("pk")[:1]),
            live_entries=count_of(Entry.objects.filter(deleted_at__isnull=True), "logbook"),
            last_check_on=Subquery(
                ReadinessCheck.objects.filter(logbook=OuterRef("pk"))
                .order_by("-taken_on")
                .values("taken_on")[:1]
            ),
        )
        .order_by("-programme__starts_on", "company__name")[:limit]
    )
    entries = Entry.objects.in_bulk([lb.last_entry_pk for lb in found if lb.last_entry_pk])
    return [
        LogbookGlance(
            logbook=lb,
            last_entry=entries.get(lb.last_entry_pk),
            entry_count=lb.live_entries,
            readiness=readiness.schedule(lb.last_check_on, today),
        )
        for lb in found
    ]


def comments_by_outsiders_since(
    logbooks: QuerySet[Logbook], *, since: datetime.datetime, limit: int = 20
) -> list[EntryComment]:
    """Comments on live entries of `logbooks` written after `since` by someone who is
    not a member of the company (its advisor, a researcher), newest first; a deleted
    comment is no news. One query."""
    company_member = Membership.objects.filter(
        user_id=OuterRef("author_id"), organisation_id=OuterRef("entry__logbook__company_id")
    )
    return list(
        EntryComment.objects.live()
        .filter(entry__logbook__in=logbooks, entry__deleted_at__isnull=True, created_at__gt=since)
        .exclude(Exists(company_member))
        .select_related("author", "entry__logbook")
        .order_by("-created_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class Unseen:
    logbook_id: int
    count: int
    #: When the reader last opened the logbook (None: never).
    last_read: datetime.datetime | None


def entries_unseen_by(user, logbooks: QuerySet[Logbook]) -> dict[tuple[int, int], Unseen]:
    """Per (programme, company): the live entries of each of `logbooks` created since
    `user` last opened it, as the access log records (every outsider's read is there).
    One query."""
    last_read = (
        AccessLogEntry.objects.filter(
            user=user,
            organisation_id=OuterRef("company_id"),
            object_kind=LOGBOOK_OBJECT,
            object_id=OuterRef("pk"),
            action__in=LOGBOOK_READS,
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    unseen = Entry.objects.filter(
        deleted_at__isnull=True,
        created_at__gt=Coalesce(OuterRef("last_read"), Value(EPOCH)),
    )
    rows = logbooks.annotate(last_read=Subquery(last_read)).annotate(
        unseen=count_of(unseen, "logbook")
    )
    return {
        (row.programme_id, row.company_id): Unseen(row.pk, row.unseen, row.last_read)
        for row in rows
    }
