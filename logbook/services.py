"""Writes on logbooks: entries with versions and conflicts, drafts, deletion and
undo, comments, consent and settings, and the purge of expired deletions."""

import datetime
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.models import Kind as PageKind
from knowledge.models import Page
from logbook.models import Entry, EntryComment, EntryDraft, EntryVersion, Logbook
from matching.models import Case, CaseGoal
from programme.models import Meeting

UNDO_DAYS = 30
LINKABLE_PAGE_KINDS = (PageKind.PRINCIPLE, PageKind.PHASE)

# Which kind-specific fields each kind keeps; the others are emptied on save.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    Entry.Kind.PROBLEM_FOCUS: (),
    Entry.Kind.INITIATIVE: ("for_whom", "when_text", "expected_effect"),
    Entry.Kind.REFLECTION: ("hindrances", "helps"),
    Entry.Kind.ADVISOR_EXPERIENCE: (),
    Entry.Kind.MEETING_INPUT: (),
}
KIND_SPECIFIC = ("for_whom", "when_text", "expected_effect", "hindrances", "helps")
# Nullable links without blank=True: set by the services, never by a form.
_NO_BLANK_FKS = ["author", "updated_by", "deleted_by"]
EMPTY = {"for_whom": "", "when_text": "", "expected_effect": "", "hindrances": [], "helps": []}


class EntryConflict(Exception):
    """The entry was saved by someone else since the version the form was based on."""

    def __init__(self, entry: Entry):
        super().__init__("stale entry version")
        self.entry = entry


@dataclass
class EntryData:
    """What a person entered for an entry (from the form's cleaned data)."""

    kind: str
    entry_date: datetime.date
    title: str
    body: str = ""
    for_whom: str = ""
    when_text: str = ""
    expected_effect: str = ""
    hindrances: list[str] = field(default_factory=list)
    helps: list[str] = field(default_factory=list)
    meeting: Meeting | None = None
    goals: list[CaseGoal] = field(default_factory=list)
    knowledge_pages: list[Page] = field(default_factory=list)


# --- logbooks --------------------------------------------------------------------------


def logbook_for(*, programme, company) -> Logbook:
    """The company's logbook in the programme, created with the default consent if missing."""
    logbook = Logbook.objects.filter(programme=programme, company=company).first()
    if logbook is not None:
        return logbook
    try:
        with transaction.atomic():
            return Logbook.objects.create(programme=programme, company=company)
    except IntegrityError:  # created at the same moment by someone else
        return Logbook.objects.get(programme=programme, company=company)


def logbooks_create(*, pairs: list[tuple[int, int]]) -> None:
    """Create the missing logbooks for (programme id, company id) pairs in one query."""
    Logbook.objects.bulk_create(
        [Logbook(programme_id=p, company_id=c) for p, c in pairs], ignore_conflicts=True
    )


@transaction.atomic
def consent_update(
    *, logbook: Logbook, by, share_with_advisor: bool, share_with_researchers: bool
) -> Logbook:
    """Record the company's decision; a withdrawal takes effect on the next request."""
    logbook = Logbook.objects.select_for_update().get(pk=logbook.pk)
    logbook.share_with_advisor = share_with_advisor
    logbook.share_with_researchers = share_with_researchers
    logbook.consent_updated_at = timezone.now()
    logbook.consent_updated_by = by
    logbook.full_clean(exclude=["consent_updated_by"])
    logbook.save(
        update_fields=[
            "share_with_advisor",
            "share_with_researchers",
            "consent_updated_at",
            "consent_updated_by",
        ]
    )
    return logbook


@transaction.atomic
def settings_update(*, logbook: Logbook, by, staff_names: str, reminders_enabled: bool) -> Logbook:
    """The staff list for the privacy guard and the meeting reminder switch."""
    logbook = Logbook.objects.select_for_update().get(pk=logbook.pk)
    lines = [" ".join(line.split()) for line in (staff_names or "").splitlines()]
    logbook.staff_names = "\n".join(line for line in lines if line)
    logbook.reminders_enabled = reminders_enabled
    logbook.full_clean(exclude=["consent_updated_by"])
    logbook.save(update_fields=["staff_names", "reminders_enabled"])
    return logbook


# --- entries ---------------------------------------------------------------------------


def linkable_meetings(logbook: Logbook):
    return Meeting.objects.filter(programme_id=logbook.programme_id).order_by("number")


def linkable_goals(logbook: Logbook):
    return CaseGoal.objects.filter(
        case__programme_id=logbook.programme_id,
        case__company_id=logbook.company_id,
        case__status=Case.Status.ACTIVE,
    ).order_by("position", "pk")


def linkable_pages():
    return Page.objects.filter(kind__in=LINKABLE_PAGE_KINDS, status=Page.Status.PUBLISHED).order_by(
        "kind", "order", "title"
    )


def _clean_items(items) -> list[str]:
    return [" ".join(str(item).split()) for item in (items or []) if str(item).strip()]


def _validate(logbook: Logbook, data: EntryData) -> None:
    errors: dict[str, list[str]] = {}
    if data.kind not in Entry.Kind.values:
        errors.setdefault("kind", []).append(_("Choose what kind of entry this is."))
    if data.kind == Entry.Kind.REFLECTION:
        if not _clean_items(data.hindrances) and not _clean_items(data.helps):
            errors.setdefault("hindrances", []).append(
                _("Write at least one thing that hinders or one thing that helps.")
            )
    elif not (data.body or "").strip():
        errors.setdefault("body", []).append(
            _("Describe the initiative: what will you do?")
            if data.kind == Entry.Kind.INITIATIVE
            else _("Write the text of the entry.")
        )
    if data.meeting is not None and data.meeting.programme_id != logbook.programme_id:
        errors.setdefault("meeting", []).append(_("Choose a meeting of this programme."))
    allowed_goals = set(linkable_goals(logbook).values_list("pk", flat=True)) if data.goals else ()
    if any(goal.pk not in allowed_goals for goal in data.goals):
        errors.setdefault("goals", []).append(_("Choose goals of your own case."))
    if data.knowledge_pages:
        allowed_pages = set(linkable_pages().values_list("pk", flat=True))
        if any(page.pk not in allowed_pages for page in data.knowledge_pages):
            errors.setdefault("knowledge_pages", []).append(
                _("Choose published principles and phases.")
            )
    if errors:
        raise ValidationError(errors)


def _apply(entry: Entry, data: EntryData) -> None:
    entry.kind = data.kind
    entry.entry_date = data.entry_date
    entry.title = (data.title or "").strip()
    entry.body = data.body or ""
    entry.meeting = data.meeting
    for name in KIND_SPECIFIC:
        if name in KIND_FIELDS.get(data.kind, ()):
            value = getattr(data, name)
            value = _clean_items(value) if name in ("hindrances", "helps") else value.strip()
        else:
            value = EMPTY[name]
        setattr(entry, name, value)


def _set_links(entry: Entry, data: EntryData) -> None:
    entry.goals.set(data.goals)
    entry.knowledge_pages.set(data.knowledge_pages)


def snapshot(entry: Entry, goal_ids=None, page_ids=None) -> dict:
    """The entry's fields as JSON (what a version keeps)."""
    if goal_ids is None:
        goal_ids = list(entry.goals.values_list("pk", flat=True))
    if page_ids is None:
        page_ids = list(entry.knowledge_pages.values_list("pk", flat=True))
    return {
        "kind": entry.kind,
        "entry_date": entry.entry_date.isoformat(),
        "title": entry.title,
        "body": entry.body,
        "for_whom": entry.for_whom,
        "when_text": entry.when_text,
        "expected_effect": entry.expected_effect,
        "hindrances": list(entry.hindrances or []),
        "helps": list(entry.helps or []),
        "meeting": entry.meeting_id,
        "goals": sorted(goal_ids),
        "knowledge_pages": sorted(page_ids),
    }


def _keep_version(entry: Entry, data: EntryData, by) -> EntryVersion:
    return EntryVersion.objects.create(
        entry=entry,
        number=entry.version,
        data=snapshot(
            entry,
            goal_ids=[goal.pk for goal in data.goals],
            page_ids=[page.pk for page in data.knowledge_pages],
        ),
        saved_by=by,
    )


def _drop_draft(*, logbook: Logbook, entry: Entry | None, user) -> None:
    drafts = EntryDraft.objects.filter(user=user)
    if entry is None:
        drafts.filter(logbook=logbook, entry__isnull=True).delete()
    else:
        drafts.filter(entry=entry).delete()


@transaction.atomic
def entry_create(*, logbook: Logbook, by, data: EntryData) -> Entry:
    """A new entry (version 1, kept as the first version); the author's new-entry draft goes."""
    _validate(logbook, data)
    entry = Entry(logbook=logbook, author=by, updated_by=by, version=1)
    _apply(entry, data)
    entry.full_clean(exclude=_NO_BLANK_FKS)
    entry.save()
    _set_links(entry, data)
    _keep_version(entry, data, by)
    _drop_draft(logbook=logbook, entry=None, user=by)
    return entry


@transaction.atomic
def entry_update(
    *, entry: Entry, by, data: EntryData, base_version: int, force: bool = False
) -> Entry:
    """Save a change on top of ``base_version``.

    The row is locked; when someone saved since ``base_version`` it raises
    ``EntryConflict`` (nothing is written) unless ``force`` is set, which saves
    the person's text as a new version on top of the other (both stay in the history).
    """
    locked = Entry.objects.select_for_update().filter(pk=entry.pk, deleted_at__isnull=True).first()
    if locked is None:
        raise ValidationError(
            _("This entry was deleted while you were writing. Copy your text before leaving.")
        )
    if locked.version != base_version and not force:
        raise EntryConflict(locked)
    logbook = Logbook.objects.get(pk=locked.logbook_id)
    _validate(logbook, data)
    _apply(locked, data)
    locked.version += 1
    locked.updated_by = by
    locked.full_clean(exclude=_NO_BLANK_FKS)
    locked.save()
    _set_links(locked, data)
    _keep_version(locked, data, by)
    _drop_draft(logbook=logbook, entry=locked, user=by)
    return locked


def data_from_snapshot(snapshot_data: dict, *, logbook: Logbook) -> EntryData:
    """EntryData from a stored version or draft (links that no longer exist are left out)."""
    meeting = None
    if snapshot_data.get("meeting"):
        meeting = linkable_meetings(logbook).filter(pk=snapshot_data["meeting"]).first()
    goals = list(linkable_goals(logbook).filter(pk__in=snapshot_data.get("goals") or []))
    pages = list(linkable_pages().filter(pk__in=snapshot_data.get("knowledge_pages") or []))
    try:
        entry_date = datetime.date.fromisoformat(snapshot_data.get("entry_date") or "")
    except ValueError:
        entry_date = timezone.localdate()
    return EntryData(
        kind=snapshot_data.get("kind") or Entry.Kind.PROBLEM_FOCUS,
        entry_date=entry_date,
        title=snapshot_data.get("title") or "",
        body=snapshot_data.get("body") or "",
        for_whom=snapshot_data.get("for_whom") or "",
        when_text=snapshot_data.get("when_text") or "",
        expected_effect=snapshot_data.get("expected_effect") or "",
        hindrances=list(snapshot_data.get("hindrances") or []),
        helps=list(snapshot_data.get("helps") or []),
        meeting=meeting,
        goals=goals,
        knowledge_pages=pages,
    )


def entry_restore_version(*, entry: Entry, version: EntryVersion, by) -> Entry:
    """Make an old version current again; it is saved as a new version on top."""
    logbook = Logbook.objects.get(pk=entry.logbook_id)
    data = data_from_snapshot(version.data, logbook=logbook)
    return entry_update(entry=entry, by=by, data=data, base_version=entry.version, force=True)


@transaction.atomic
def entry_delete(*, entry: Entry, by) -> Entry:
    """Soft delete: the entry disappears and can be brought back for 30 days."""
    locked = Entry.objects.select_for_update().get(pk=entry.pk)
    if locked.deleted_at is None:
        locked.deleted_at = timezone.now()
        locked.deleted_by = by
        locked.save(update_fields=["deleted_at", "deleted_by"])
    return locked


@transaction.atomic
def entry_undelete(*, entry: Entry, by) -> Entry:
    locked = Entry.objects.select_for_update().get(pk=entry.pk)
    if locked.deleted_at is None:
        return locked
    if locked.deleted_at < timezone.now() - timedelta(days=UNDO_DAYS):
        raise ValidationError(_("This entry was deleted more than 30 days ago."))
    locked.deleted_at = None
    locked.deleted_by = None
    locked.updated_by = by
    locked.save(update_fields=["deleted_at", "deleted_by", "updated_by", "updated_at"])
    return locked


def entries_purge_expired(*, now=None) -> int:
    """Hard-delete entries soft-deleted more than 30 days ago; returns how many entries."""
    cutoff = (now or timezone.now()) - timedelta(days=UNDO_DAYS)
    expired = Entry.objects.filter(deleted_at__isnull=False, deleted_at__lt=cutoff)
    with transaction.atomic():
        ids = list(expired.values_list("pk", flat=True))
        if not ids:
            return 0
        Entry.objects.filter(pk__in=ids).delete()
    return len(ids)


# --- drafts ----------------------------------------------------------------------------


@transaction.atomic
def draft_save(
    *, logbook: Logbook, entry: Entry | None, user, data: dict, base_version: int | None
) -> EntryDraft:
    """Store (or replace) the person's unsaved form content."""
    if entry is None:
        draft, _created = EntryDraft.objects.update_or_create(
            user=user,
            logbook=logbook,
            entry=None,
            defaults={"data": data, "base_version": None},
        )
    else:
        draft, _created = EntryDraft.objects.update_or_create(
            user=user,
            entry=entry,
            defaults={"data": data, "base_version": base_version, "logbook": logbook},
        )
    return draft


def draft_discard(*, logbook: Logbook, entry: Entry | None, user) -> None:
    _drop_draft(logbook=logbook, entry=entry, user=user)


# --- comments --------------------------------------------------------------------------


@transaction.atomic
def comment_add(*, entry: Entry, by, text: str) -> EntryComment:
    comment = EntryComment(entry=entry, author=by, text=(text or "").strip())
    comment.full_clean(exclude=["author"])
    comment.save()
    return comment
