"""File storage that never leaves a half-written file and says clearly when the disk is full.

Django's ``FileSystemStorage`` writes an upload straight to its final path. When the
disk fills up half-way (``ENOSPC``) the exception escapes as a 500 and the truncated
file stays under ``MEDIA_ROOT`` with no row pointing to it.

``SafeFileSystemStorage`` writes the content into a private temporary file next to
the target (``.partial-…``, created exclusively with ``mkstemp``) and links it to its
final name only when every byte is written and flushed (``os.link`` is atomic and
never replaces another file). So

- readers (downloads, backups) never see a half-written file: a name appears
  complete or not at all;
- any ``OSError`` while writing removes the temporary file: nothing is left behind;
- a full disk or exhausted quota (``ENOSPC``, ``EDQUOT``) is raised as
  ``StorageFullError``, which is a ``ValidationError`` (views that put a service's
  ``ValidationError`` on the form, see ``bifrost.core.submit.add_errors``, show it as
  a form error instead of a 500) and also an ``OSError`` (tasks that retry on
  ``OSError``, such as the PDF exports, still retry). Other ``OSError``s (permissions,
  I/O errors) are an operator's problem: they are re-raised unchanged, after the
  clean-up, and end in the error log.

Only a hard kill of the process in the middle of a write can leave a ``.partial-*``
file (see docs/operations.md); backups skip them.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_makedirs
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

PARTIAL_PREFIX = ".partial-"
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
LINK_UNSUPPORTED_ERRNOS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP})


class StorageFullError(ValidationError, OSError):
    """The disk (or the quota) under the storage is full; nothing was saved."""

    def __init__(self, name: str = "") -> None:
        ValidationError.__init__(
            self,
            _(
                "The file could not be saved because the server is out of disk space. "
                "Nothing was saved. Please try again later, and tell the administrator "
                "if it keeps happening."
            ),
            code="storage_full",
        )
        self.errno = errno.ENOSPC
        self.filename = name


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class SafeFileSystemStorage(FileSystemStorage):
    """``FileSystemStorage`` with write-to-temporary-then-link and a clear disk-full error."""

    def _save(self, name: str, content: Any) -> str:
        try:
            return self._save_atomically(name, content)
        except OSError as error:
            if error.errno in DISK_FULL_ERRNOS:
                logger.error("storage: disk full while saving %r under %s", name, self.location)
                raise StorageFullError(name) from error
            raise

    def _save_atomically(self, name: str, content: Any) -> str:
        staged = self._stage(os.path.dirname(self.path(name)), content)
        try:
            full_path = self._publish(name, staged)
        finally:
            # After a link this is the second name of the published file; after a
            # failure it is the only copy. Either way it goes.
            _remove_quietly(staged)
        # Like Django: a name relative to the storage root, with forward slashes.
        return os.path.relpath(full_path, self.location).replace("\\", "/")

    def _stage(self, directory: str, content: Any) -> str:
        """Write ``content`` into a new temporary file in ``directory``; return its path.

        The file gets its final mode and group before it is published. On any error
        it is removed before the error propagates.
        """
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        fd, path = tempfile.mkstemp(dir=directory, prefix=PARTIAL_PREFIX)
        try:
            try:
                for chunk in content.chunks():
                    _write_all(fd, chunk.encode() if isinstance(chunk, str) else chunk)
                os.fsync(fd)
            finally:
                os.close(fd)
            if self.file_permissions_mode is not None:
                os.chmod(path, self.file_permissions_mode)
            # Django's own helper (not in django-stubs): the group of the storage root.
            self._ensure_location_group_id(path)  # type: ignore[attr-defined]
        except BaseException:
            _remove_quietly(path)
            raise
        return path

    def _publish(self, name: str, staged: str) -> str:
        """Give the complete ``staged`` file its final name; return the full path.

        ``os.link`` never replaces an existing file (``FileExistsError``), so, as in
        Django, a name taken meanwhile by someone else makes us pick the next free one.
        """
        while True:
            full_path = self.path(name)
            if self._allow_overwrite:  # type: ignore[attr-defined]  # Django's option
                os.replace(staged, full_path)
                return full_path
            try:
                os.link(staged, full_path)
            except FileExistsError:
                name = self.get_available_name(name)
            except OSError as error:
                if error.errno not in LINK_UNSUPPORTED_ERRNOS:
                    raise
                # A filesystem without hard links: check, then rename (Django's
                # own small race between the check and the move).
                if os.path.lexists(full_path):
                    name = self.get_available_name(name)
                else:
                    os.rename(staged, full_path)
                    return full_path
            else:
                return full_path


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass  # renamed into place (allow_overwrite, no hard links), or never created
    except OSError:
        logger.exception("storage: could not remove the temporary file %s", path)
