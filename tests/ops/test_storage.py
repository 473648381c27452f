"""SafeFileSystemStorage: a full disk gives a clear error and leaves no file behind."""

import errno
import hashlib
import os
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from bifrost.core import storage as storage_module
from bifrost.core.storage import PARTIAL_PREFIX, SafeFileSystemStorage, StorageFullError
from bifrost.core.submit import add_errors

CHUNK = 64 * 1024


@pytest.fixture
def media(tmp_path) -> Path:
    root = tmp_path / "media"
    root.mkdir()
    return root


@pytest.fixture
def storage(media) -> SafeFileSystemStorage:
    return SafeFileSystemStorage(location=media)


def files_under(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


def fail_writes_under(monkeypatch, root: Path, *, after_bytes: int, code: int = errno.ENOSPC):
    """Make os.write fail with `code` for files under `root` once `after_bytes` went
    through, as a filling disk does (a short write, then the error); every other
    descriptor writes normally."""
    real_write = os.write
    written = {"bytes": 0}

    def write(fd, data):
        target = os.readlink(f"/proc/self/fd/{fd}")
        if not target.startswith(str(root)):
            return real_write(fd, data)
        room = after_bytes - written["bytes"]
        if room <= 0:
            raise OSError(code, os.strerror(code))
        # A short write first, as a filling disk does; the next call fails.
        count = real_write(fd, data[:room])
        written["bytes"] += count
        return count

    monkeypatch.setattr(os, "write", write)
    return written


def test_a_normal_save_is_complete_with_djangos_name_and_mode(storage, media):
    data = os.urandom(3 * CHUNK + 17)
    name = storage.save("agenda/2026/slides.pdf", ContentFile(data))
    assert name == "agenda/2026/slides.pdf"
    saved = media / name
    assert saved.read_bytes() == data
    assert saved.stat().st_mode & 0o777 == 0o644  # FILE_UPLOAD_PERMISSIONS, as Django does
    assert files_under(media) == [saved]  # no temporary file left next to it


def test_a_taken_name_gets_the_next_free_one_and_both_files_stay_intact(storage, media):
    first = storage.save("agenda/notes.txt", ContentFile(b"first"))
    second = storage.save("agenda/notes.txt", ContentFile(b"second"))
    assert first != second
    assert (media / first).read_bytes() == b"first"
    assert (media / second).read_bytes() == b"second"
    assert len(files_under(media)) == 2


def test_text_content_is_saved_as_utf8(storage, media):
    name = storage.save("notes/æøå.txt", ContentFile("Dagsorden: ærlig snak"))
    assert (media / name).read_text(encoding="utf-8") == "Dagsorden: ærlig snak"


@pytest.mark.parametrize("kind", ["in-memory upload", "temporary-file upload"])
def test_a_full_disk_raises_a_clear_error_and_leaves_no_file(
    kind, storage, media, monkeypatch, english
):
    data = os.urandom(8 * CHUNK)
    if kind == "in-memory upload":
        upload = SimpleUploadedFile("slides.pdf", data, content_type="application/pdf")
    else:  # what Django makes of an upload over FILE_UPLOAD_MAX_MEMORY_SIZE
        upload = TemporaryUploadedFile("slides.pdf", "application/pdf", len(data), None)
        upload.write(data)
        upload.seek(0)
    written = fail_writes_under(monkeypatch, media, after_bytes=3 * CHUNK)

    with pytest.raises(StorageFullError) as raised:
        storage.save("agenda/2026/slides.pdf", upload)

    assert written["bytes"] > 0, "the failure must come half-way, after some data was written"
    error = raised.value
    assert isinstance(error, ValidationError) and isinstance(error, OSError)
    assert error.errno == errno.ENOSPC
    assert error.code == "storage_full"
    assert "out of disk space" in error.messages[0]
    assert isinstance(error.__cause__, OSError) and error.__cause__.errno == errno.ENOSPC
    assert files_under(media) == [], "no partial or temporary file may remain"


def test_a_full_quota_is_a_full_disk_too(storage, media, monkeypatch):
    fail_writes_under(monkeypatch, media, after_bytes=0, code=errno.EDQUOT)
    with pytest.raises(StorageFullError):
        storage.save("exports/agenda/42.pdf", ContentFile(b"%PDF-1.7 " * 1000))
    assert files_under(media) == []


def test_a_full_disk_when_linking_leaves_no_file(storage, media, monkeypatch):
    """Even the last step (a new directory entry) can find the disk full."""

    def link(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage_module.os, "link", link)
    with pytest.raises(StorageFullError):
        storage.save("agenda/slides.pdf", ContentFile(b"data"))
    assert files_under(media) == []


def test_other_write_errors_are_cleaned_up_and_raised_unchanged(storage, media, monkeypatch):
    """An I/O error is an operator's problem: it stays an OSError (a logged 500)."""
    fail_writes_under(monkeypatch, media, after_bytes=CHUNK, code=errno.EIO)
    with pytest.raises(OSError) as raised:
        storage.save("agenda/slides.pdf", ContentFile(os.urandom(4 * CHUNK)))
    assert not isinstance(raised.value, ValidationError)
    assert raised.value.errno == errno.EIO
    assert files_under(media) == []


def test_a_filesystem_without_hard_links_still_gets_complete_files(storage, media, monkeypatch):
    def link(src, dst):
        raise PermissionError(errno.EPERM, "hard links not supported")

    monkeypatch.setattr(storage_module.os, "link", link)
    data = os.urandom(2 * CHUNK)
    first = storage.save("agenda/a.bin", ContentFile(data))
    second = storage.save("agenda/a.bin", ContentFile(b"other"))
    assert first != second
    assert hashlib.sha256((media / first).read_bytes()).digest() == hashlib.sha256(data).digest()
    assert (media / second).read_bytes() == b"other"
    assert not [p for p in files_under(media) if p.name.startswith(PARTIAL_PREFIX)]


def test_the_error_lands_on_the_form_through_the_shared_submit_helper(
    storage, media, monkeypatch, english
):
    """The views' `except ValidationError: add_errors(form, error)` shows it as a form
    error (the Danish text comes from the catalogue), so the person sees a message
    instead of a 500."""

    class MaterialForm(forms.Form):
        material = forms.FileField()

    form = MaterialForm(data={}, files={"material": SimpleUploadedFile("a.pdf", b"%PDF-1.7")})
    assert form.is_valid()
    fail_writes_under(monkeypatch, media, after_bytes=0)
    try:
        storage.save("agenda/a.pdf", form.cleaned_data["material"])
    except ValidationError as error:
        add_errors(form, error)
    assert not form.is_valid()
    assert "out of disk space" in form.non_field_errors()[0]
    assert files_under(media) == []


def test_the_storage_is_what_default_storage_becomes_with_the_setting(settings, tmp_path):
    """The settings line for the lead: STORAGES["default"]["BACKEND"]."""
    from django.core.files.storage import storages

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "bifrost.core.storage.SafeFileSystemStorage"},
    }
    assert isinstance(storages["default"], SafeFileSystemStorage)
