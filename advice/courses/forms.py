"""Forms on a course: the agreed local follow-up and a shared file (size and type
checked as for the agenda material)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.core.uploads import checked_upload


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
        return checked_upload(self.cleaned_data.get("file"))
