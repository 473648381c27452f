"""The one check of a shared file upload (agenda material, course files): at most
20 MB, a known type, and content that matches the extension, so a renamed program
is refused."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: Allowed extensions and the bytes their content starts with (b"": any text).
ALLOWED_TYPES = {
    ".pdf": b"%PDF",
    ".pptx": b"PK",
    ".docx": b"PK",
    ".xlsx": b"PK",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8",
    ".jpeg": b"\xff\xd8",
    ".txt": b"",
}


def checked_upload(upload):
    """`upload` if it may be stored; a ValidationError with a clear message if not."""
    if not upload or not hasattr(upload, "size"):
        return upload
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("The file is larger than 20 MB."))
    name = upload.name.lower()
    suffix = name[name.rfind(".") :] if "." in name else ""
    if suffix not in ALLOWED_TYPES:
        raise forms.ValidationError(
            _("Files of this type cannot be uploaded. Use PDF, Office files, images or text.")
        )
    head = upload.read(8)
    upload.seek(0)
    if ALLOWED_TYPES[suffix] and not head.startswith(ALLOWED_TYPES[suffix]):
        raise forms.ValidationError(_("The file's content does not match its type."))
    return upload
