"""The logbook section of a person's data download (seven queries, whatever they wrote).

Everything the person wrote or saved: entries they authored (with their text: it is
their own writing), comments, drafts, the versions they saved, readiness checks and
critical situations they recorded, and the consent choices they last changed. Only
from the logbooks they can still read (`readable`, from logbook/privacy/rules.py);
for the others the download says how many, not what. Nothing another person wrote
is included (a comment or reply is listed with its entry's id and the id of the
comment it answers, not their text). A comment the person deleted is gone.
"""

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from logbook.entries.schema import LINE_FIELDS, TEXT_FIELDS
from logbook.models import (
    CriticalSituation,
    Entry,
    EntryComment,
    EntryDraft,
    EntryVersion,
    Logbook,
    ReadinessCheck,
)


def _logbook(logbook: Logbook) -> dict[str, Any]:
    return {"id": logbook.pk, "company": logbook.company.name, "programme": logbook.programme.name}


def _split(queryset: QuerySet, readable: QuerySet[Logbook], path: str) -> tuple[list, int]:
    """(rows in readable logbooks, how many in the others), in one query. `path` leads
    from the row to its logbook ("logbook", "entry__logbook")."""
    rows = list(
        queryset.annotate(readable=Exists(readable.filter(pk=OuterRef(f"{path}_id"))))
        .select_related(f"{path}__company", f"{path}__programme")
        .order_by("pk")
    )
    shown = [row for row in rows if row.readable]
    return shown, len(rows) - len(shown)


def _logbook_of(row, path: str) -> dict[str, Any]:
    obj = row
    for step in path.split("__"):
        obj = getattr(obj, step)
    return _logbook(obj)


def _entry(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "logbook": _logbook(entry.logbook),
        "kind": entry.kind,
        "entry_date": entry.entry_date,
        **{name: getattr(entry, name) for name in TEXT_FIELDS + LINE_FIELDS},
        "version": entry.version,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "deleted_at": entry.deleted_at,
    }


def personal_data(user, *, readable: QuerySet[Logbook]) -> dict[str, Any]:
    entries, hidden_entries = _split(Entry.objects.filter(author=user), readable, "logbook")
    comments, hidden_comments = _split(
        EntryComment.objects.live().filter(author=user), readable, "entry__logbook"
    )
    drafts, hidden_drafts = _split(EntryDraft.objects.filter(user=user), readable, "logbook")
    versions, hidden_versions = _split(
        EntryVersion.objects.filter(saved_by=user), readable, "entry__logbook"
    )
    checks, hidden_checks = _split(
        ReadinessCheck.objects.filter(created_by=user), readable, "logbook"
    )
    situations, hidden_situations = _split(
        CriticalSituation.objects.filter(created_by=user), readable, "logbook"
    )
    consents = list(
        Logbook.objects.filter(consent_updated_by=user)
        .filter(pk__in=readable.values("pk"))
        .select_related("company", "programme")
        .order_by("pk")
    )
    return {
        "entries_authored": [_entry(e) for e in entries],
        "comments": [
            {
                "logbook": _logbook_of(c, "entry__logbook"),
                "entry_id": c.entry_id,
                "id": c.pk,
                "in_reply_to": c.parent_id,
                "text": c.text,
                "created_at": c.created_at,
                "edited_at": c.edited_at,
            }
            for c in comments
        ],
        "drafts": [
            {
                "logbook": _logbook(d.logbook),
                "entry_id": d.entry_id,
                "data": d.data,
                "updated_at": d.updated_at,
            }
            for d in drafts
        ],
        "versions_saved": [
            {
                "logbook": _logbook_of(v, "entry__logbook"),
                "entry_id": v.entry_id,
                "number": v.number,
                "data": v.data,
                "saved_at": v.saved_at,
            }
            for v in versions
        ],
        "readiness_checks": [
            {
                "logbook": _logbook(r.logbook),
                "taken_on": r.taken_on,
                "scores": r.scores,
                "note": r.note,
            }
            for r in checks
        ],
        "critical_situations": [
            {
                "logbook": _logbook(s.logbook),
                "occurred_on": s.occurred_on,
                "trigger": s.trigger,
                "what_happened": s.what_happened,
                "what_supported": s.what_supported,
            }
            for s in situations
        ],
        "consent_changes": [
            {
                "logbook": _logbook(lb),
                "changed_at": lb.consent_updated_at,
                "share_with_advisor": lb.share_with_advisor,
                "share_with_researchers": lb.share_with_researchers,
            }
            for lb in consents
        ],
        # In logbooks the person can no longer read: how many, not what.
        "not_shown_in_logbooks_you_can_no_longer_read": {
            "entries_authored": hidden_entries,
            "comments": hidden_comments,
            "drafts": hidden_drafts,
            "versions_saved": hidden_versions,
            "readiness_checks": hidden_checks,
            "critical_situations": hidden_situations,
        },
    }
