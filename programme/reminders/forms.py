"""The reminder settings form: one checkbox per kind of reminder e-mail."""

from django import forms

from programme.models import ReminderSettings
from programme.reminders.selectors import SETTING_FIELDS


class ReminderSettingsForm(forms.ModelForm):
    """Labels come from the model's verbose names. The form only validates: the
    view passes `flags()` to `services.reminder_settings_save`."""

    class Meta:
        model = ReminderSettings
        fields = list(SETTING_FIELDS)
        widgets = {
            name: forms.CheckboxInput(attrs={"class": "form-check-input"})
            for name in SETTING_FIELDS
        }

    def flags(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in SETTING_FIELDS}
