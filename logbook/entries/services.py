"""Writes on logbook entries: entries with versions and conflicts, drafts, deletion
and undo, and the purge of expired deletions (comments: logbook/comments/)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from logbook.entries import selectors
from logbook.entries.schema import (
    EMPTY,
    KIND_FIELDS,
    KIND_SPECIFIC,
    LINE_FIELDS,
    EntryData,
    snapshot,
)
from logbook.entries.selectors import UNDO_DAYS
from logbook.models import Entry, EntryDraft, EntryVersion, Logbook

# Nullable links without blank=True: set by the services, never by a form.
_NO_BLANK_FKS = ["author", "updated_by", "deleted_by"]


class EntryConflict(Exception):
    """The entry was saved by someone else since the version the form was based on."""

    def __init__(self, entry: Entry):
        super().__init__("stale entry version")
        self.entry = entry


# --- entries ---------------------------------------------------------------------------


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
    allowed_goals = (
        set(selectors.linkable_goals(logbook).values_list("pk", flat=True)) if data.goals else ()
    )
    if any(goal.pk not in allowed_goals for goal in data.goals):
        errors.setdefault("goals", []).append(_("Choose goals of your own case."))
    if data.knowledge_pages:
        allowed_pages = set(selectors.linkable_pages().values_list("pk", flat=True))
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
            value = _clean_items(value) if name in LINE_FIELDS else value.strip()
        else:
            value = EMPTY[name]
        setattr(entry, name, value)


def _set_links(entry: Entry, data: EntryData) -> None:
    entry.goals.set(data.goals)
    entry.knowledge_pages.set(data.knowledge_pages)


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


def entry_restore_version(*, entry: Entry, version: EntryVersion, by) -> Entry:
    """Make an old version current again; it is saved as a new version on top."""
    logbook = Logbook.objects.get(pk=entry.logbook_id)
    data = selectors.data_from_snapshot(version.data, logbook=logbook)
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
