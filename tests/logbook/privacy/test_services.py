"""The logbook's erase step: the company's logbook stays, signed "Former user"."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from bifrost.accounts.privacy.services import account_delete
from bifrost.core import spreadsheets
from logbook.exports import downloads
from logbook.models import Entry, EntryComment, LogbookExport

pytestmark = pytest.mark.django_db


def _export(logbook, version: str) -> LogbookExport:
    name = default_storage.save(f"exports/logbook/{version}.pdf", ContentFile(b"%PDF"))
    return LogbookExport.objects.create(
        logbook=logbook, version=version, status=LogbookExport.Status.DONE, file=name
    )


def test_pdfs_that_name_the_person_are_deleted_with_their_files(
    owner, logbook, entry, django_capture_on_commit_callbacks
):
    naming = _export(logbook, "a" * 64)
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=owner)
    assert not LogbookExport.objects.filter(pk=naming.pk).exists()
    assert not default_storage.exists(naming.file.name)
    assert Entry.objects.get(pk=entry.pk).author is None


def test_pdfs_of_logbooks_the_person_never_wrote_in_stay(owner, logbook):
    kept = _export(logbook, "b" * 64)
    account_delete(user=owner)
    assert LogbookExport.objects.filter(pk=kept.pk).exists()


def test_the_csv_and_json_exports_sign_former_user(owner, entry, logbook, english):
    EntryComment.objects.create(entry=entry, author=owner, text="A comment of mine")
    account_delete(user=owner)
    record = downloads.logbook_records(logbook)[0]
    assert record["author"] == "Former user"
    assert record["comments"][0]["author"] == "Former user"
    table = spreadsheets.render(downloads.logbook_table(logbook), "csv").decode()
    assert "Tidligere bruger" in table  # "Former user", in Danish like the whole file


def test_a_thread_stays_readable_signed_former_user(client, owner, entry, logbook, case, english):
    comment = EntryComment.objects.create(entry=entry, author=owner, text="Our question")
    EntryComment.objects.create(entry=entry, author=case.advisor, text="An answer", parent=comment)
    account_delete(user=owner)
    client.force_login(case.advisor)
    page = client.get(reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])).text
    assert "Our question" in page and "An answer" in page
    assert "Former user" in page and "in reply to Former user" in page
