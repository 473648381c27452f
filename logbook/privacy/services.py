"""The logbook's erase step.

The logbook is the company's: entries, versions, comments, change logics,
readiness checks and critical situations stay, and lose their link to the person
(pages and exports then say "Former user"). Only the person's drafts, unsaved
text nobody else sees, are deleted. Logbook PDFs already made that name the
person (as an entry's or a comment's author) are deleted with their files; the
company makes a new one when it needs it.
"""

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q

from bifrost.core import personal_data
from logbook.models import (
    ChangeLogic,
    CriticalSituation,
    Entry,
    EntryComment,
    EntryDraft,
    EntryVersion,
    Logbook,
    LogbookExport,
    ReadinessCheck,
)

OWN = [(EntryDraft, "user")]
SHARED = [
    (Logbook, "consent_updated_by"),
    (Entry, "author"),
    (Entry, "updated_by"),
    (Entry, "deleted_by"),
    (EntryVersion, "saved_by"),
    (EntryComment, "author"),
    (ChangeLogic, "updated_by"),
    (ReadinessCheck, "created_by"),
    (CriticalSituation, "created_by"),
    (LogbookExport, "requested_by"),
]


def _delete_exports_naming(user) -> None:
    named_in = Q(entries__author=user) | Q(entries__comments__author=user)
    exports = list(
        LogbookExport.objects.filter(logbook__in=Logbook.objects.filter(named_in).values("pk"))
    )
    files = [export.file.name for export in exports if export.file and export.file.name]
    LogbookExport.objects.filter(pk__in=[export.pk for export in exports]).delete()
    # Files go once the deletion is committed (a rollback keeps rows and files together).
    transaction.on_commit(lambda: _delete_files(files))


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def erase(user) -> None:
    personal_data.delete_own(user, OWN)
    _delete_exports_naming(user)
    personal_data.detach(user, SHARED)
