from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from knowledge.models import Page
from programme.models import AgendaItem, Meeting, Programme

MAX_MATERIAL_BYTES = 20 * 1024 * 1024
ALLOWED_MATERIAL_TYPES = {
    ".pdf": b"%PDF",
    ".pptx": b"PK",
    ".docx": b"PK",
    ".xlsx": b"PK",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8",
    ".jpeg": b"\xff\xd8",
    ".txt": b"",
}

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "description", "starts_on", "ends_on"]
        widgets = {
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The last day must be on or after the first day."))
        return cleaned


class EnrolForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Company or advisory unit"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose…"),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        enrolled = programme.enrolments.filter(left_at__isnull=True).values("organisation")
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(
                kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.ADVISORY_UNIT]
            )
            .exclude(pk__in=enrolled)
            .order_by("kind", "name")
        )


class MeetingForm(forms.ModelForm):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_INPUT)
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME_INPUT)

    class Meta:
        model = Meeting
        fields = [
            "title",
            "theme",
            "audience",
            "place",
            "video_link",
            "preparation_task",
            "preparation_due",
        ]
        widgets = {
            "theme": forms.Textarea(attrs={"rows": 3}),
            "preparation_task": forms.Textarea(attrs={"rows": 3}),
            "preparation_due": DATE_INPUT,
        }

    def __init__(self, *args, instance: Meeting, **kwargs):
        local_start = timezone.localtime(instance.starts_at)
        local_end = timezone.localtime(instance.ends_at)
        initial = {
            "date": local_start.date(),
            "start_time": local_start.time(),
            "end_time": local_end.time(),
        }
        super().__init__(*args, instance=instance, initial=initial, **kwargs)

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", _("The meeting must end after it starts."))
            tz = timezone.get_current_timezone()
            cleaned["starts_at"] = datetime.combine(day, start, tzinfo=tz)
            cleaned["ends_at"] = datetime.combine(day, end, tzinfo=tz)
        return cleaned

    def changes(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data.update(starts_at=self.cleaned_data["starts_at"], ends_at=self.cleaned_data["ends_at"])
        return data


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
        upload = self.cleaned_data.get("material")
        if not upload or not hasattr(upload, "size"):
            return upload
        if upload.size > MAX_MATERIAL_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        name = upload.name.lower()
        suffix = name[name.rfind(".") :] if "." in name else ""
        if suffix not in ALLOWED_MATERIAL_TYPES:
            raise forms.ValidationError(
                _("Files of this type cannot be uploaded. Use PDF, Office files, images or text.")
            )
        # The extension must match the content: a renamed program is refused.
        magic = ALLOWED_MATERIAL_TYPES[suffix]
        head = upload.read(8)
        upload.seek(0)
        if magic and not head.startswith(magic):
            raise forms.ValidationError(_("The file's content does not match its type."))
        return upload


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Participants see the minutes once you publish them."),
    )


class PreparationForm(forms.Form):
    text = forms.CharField(
        label=_("Your input"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not name employees or write health details."),
    )
    done = forms.BooleanField(label=_("The preparation is done"), required=False)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
