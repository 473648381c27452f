"""Read queries on logbooks, each a fixed number of SQL queries whatever the data size."""

from datetime import timedelta

from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry, Membership, Organisation, Role
from logbook.models import Entry, EntryComment, EntryDraft, EntryVersion, Logbook
from logbook.services import UNDO_DAYS
from matching.models import Case
from programme.models import Enrolment, Meeting


def company_logbooks(user) -> QuerySet[Logbook]:
    """Logbooks of the companies the person belongs to (newest programme first)."""
    company_ids = Membership.objects.filter(
        user=user, organisation__kind=Organisation.Kind.COMPANY
    ).values("organisation_id")
    return (
        Logbook.objects.filter(company_id__in=company_ids)
        .select_related("programme", "company")
        .order_by("-programme__starts_on", "company__name")
    )


def missing_owner_logbooks(user) -> list[tuple[int, int]]:
    """(programme id, company id) of active enrolments of the person's companies
    (as SMV owner) that have no logbook yet."""
    owned = Membership.objects.filter(
        user=user, role=Role.SMV_OWNER, organisation__kind=Organisation.Kind.COMPANY
    ).values("organisation_id")
    has_logbook = Logbook.objects.filter(
        programme_id=OuterRef("programme_id"), company_id=OuterRef("organisation_id")
    )
    return list(
        Enrolment.objects.filter(organisation_id__in=owned, left_at__isnull=True)
        .exclude(Exists(has_logbook))
        .values_list("programme_id", "organisation_id")
    )


def advisor_logbooks(user) -> QuerySet[Logbook]:
    """Logbooks the advisor may read: shared with the advisor, company on their active case."""
    on_case = Case.objects.filter(
        advisor=user,
        status=Case.Status.ACTIVE,
        programme_id=OuterRef("programme_id"),
        company_id=OuterRef("company_id"),
    )
    return (
        Logbook.objects.filter(share_with_advisor=True)
        .filter(Exists(on_case))
        .select_related("programme", "company")
        .order_by("-programme__starts_on", "company__name")
    )


def researcher_logbooks() -> QuerySet[Logbook]:
    """Logbooks the companies share with the researchers (facilitators)."""
    return (
        Logbook.objects.filter(share_with_researchers=True)
        .select_related("programme", "company")
        .order_by("-programme__starts_on", "programme__name", "company__name")
    )


def _search_text():
    return Concat(
        "title",
        Value(" "),
        "body",
        Value(" "),
        "for_whom",
        Value(" "),
        "when_text",
        Value(" "),
        "expected_effect",
        Value(" "),
        Cast("hindrances", TextField()),
        Value(" "),
        Cast("helps", TextField()),
        output_field=CharField(),
    )


def entries(
    logbook: Logbook, *, kind: str = "", meeting_id: int | None = None, query: str = ""
) -> QuerySet[Entry]:
    """The logbook's live entries, newest first, optionally filtered and searched."""
    qs = (
        Entry.objects.filter(logbook=logbook, deleted_at__isnull=True)
        .select_related("author", "meeting")
        .annotate(comment_count=Count("comments"))
        .order_by("-entry_date", "-pk")
    )
    if kind:
        qs = qs.filter(kind=kind)
    if meeting_id:
        qs = qs.filter(meeting_id=meeting_id)
    query = (query or "").strip()
    if query:
        qs = qs.annotate(search_text=_search_text())
        for word in query.split()[:10]:
            qs = qs.filter(search_text__icontains=word)
    return qs


def meetings(logbook: Logbook) -> QuerySet[Meeting]:
    return Meeting.objects.filter(programme_id=logbook.programme_id).order_by("number")


def entry(logbook: Logbook, entry_pk: int) -> Entry | None:
    """A live entry with what its page shows (links and comments prefetched)."""
    return (
        Entry.objects.filter(logbook=logbook, pk=entry_pk, deleted_at__isnull=True)
        .select_related("author", "updated_by", "meeting")
        .prefetch_related("goals", "knowledge_pages", "comments__author")
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


def comments(entry: Entry) -> QuerySet[EntryComment]:
    return entry.comments.select_related("author")


def access_log(logbook: Logbook) -> QuerySet[AccessLogEntry]:
    """Who outside the company touched its data, newest first."""
    return AccessLogEntry.objects.filter(organisation_id=logbook.company_id).order_by(
        "-created_at", "-pk"
    )


def advisor_of(logbook: Logbook):
    """The advisor of the company's active case in the programme (or None)."""
    case = (
        Case.objects.filter(
            programme_id=logbook.programme_id,
            company_id=logbook.company_id,
            status=Case.Status.ACTIVE,
        )
        .select_related("advisor")
        .first()
    )
    return case.advisor if case else None


def entries_since_last_meeting(cases) -> dict[int, int | None]:
    """For the advisor dashboard: per case, live entries created since the programme's
    most recent development meeting that has started (or since the programme start);
    None when the company does not share the logbook with the advisor. Three queries."""
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
        ).values("pk", "programme_id", "company_id", "share_with_advisor", "programme__starts_on")
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
        row = logbooks.get((case.programme_id, case.company_id))
        if row is None:
            result[case.pk] = 0  # no logbook yet: the default consent shares it
        elif not row["share_with_advisor"]:
            result[case.pk] = None
        else:
            result[case.pk] = counts.get(row["pk"], 0)
    return result
