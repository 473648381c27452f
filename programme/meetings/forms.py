"""Forms for meetings: details and time, minutes, the companies' preparation."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programme.models import Meeting
from programme.programmes.forms import DATE_INPUT

TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


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
