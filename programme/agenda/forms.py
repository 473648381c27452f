"""Forms for agenda items (times, files) and the notes taken while the meeting runs."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bifrost.core.uploads import checked_upload
from knowledge.models import Page
from programme.meetings.forms import TIME_INPUT
from programme.models import AgendaItem


class AgendaItemForm(forms.ModelForm):
    end_time = forms.TimeField(
        label=_("Ends at"),
        required=False,
        widget=TIME_INPUT,
        help_text=_("Optional: with a fixed start, the end sets the duration."),
    )

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "kind",
            "fixed_start",
            "duration_minutes",
            "responsible",
            "description",
            "knowledge_page",
            "link",
            "material",
        ]
        widgets = {"fixed_start": TIME_INPUT, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["knowledge_page"].queryset = Page.objects.published().order_by("title")
        self.fields["knowledge_page"].empty_label = _("None")
        self.fields["duration_minutes"].required = False
        self.order_fields(
            ["title", "kind", "fixed_start", "end_time", "duration_minutes", "responsible"]
        )
        self.fields["material"].help_text = _(
            "PDF, PowerPoint, Word, Excel, PNG, JPEG or text; at most 20 MB."
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fixed_start"), cleaned.get("end_time")
        if end is not None:
            if start is None:
                self.add_error("fixed_start", _("Give the start time too when you give an end."))
            elif end <= start:
                self.add_error("end_time", _("The item must end after it starts."))
            else:
                minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
                cleaned["duration_minutes"] = minutes
        elif (
            cleaned.get("duration_minutes") in (None, "") and "duration_minutes" not in self.errors
        ):
            self.add_error("duration_minutes", _("Give a duration or an end time."))
        cleaned.pop("end_time", None)
        return cleaned

    def clean_material(self):
        return checked_upload(self.cleaned_data.get("material"))


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
