"""Forms on a course: the agreed local follow-up and a shared file (size and type
checked as for the agenda material)."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_FILE_BYTES = 20 * 1024 * 1024
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


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("Agreed local follow-up"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "How you follow up on the course at the workplace: who does what, and when. "
            "Markdown: paragraphs, lists, **bold**, *italic* and links."
        ),
    )


class CourseFileForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Office files, images or text; at most 20 MB.")
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size"):
            return upload
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        name = upload.name.lower()
        suffix = name[name.rfind(".") :] if "." in name else ""
        if suffix not in ALLOWED_TYPES:
            raise forms.ValidationError(
                _("Files of this type cannot be uploaded. Use PDF, Office files, images or text.")
            )
        magic = ALLOWED_TYPES[suffix]
        head = upload.read(8)
        upload.seek(0)
        if magic and not head.startswith(magic):
            raise forms.ValidationError(_("The file's content does not match its type."))
        return upload
