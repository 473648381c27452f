"""The reminder settings form: one checkbox per kind of reminder e-mail."""

from django import forms

from programme import reminders
from programme.models import ReminderSettings


class ReminderSettingsForm(forms.ModelForm):
    """Labels come from the model's verbose names. The form only validates: the
    view passes `cleaned_data` to `reminders.reminder_settings_save`."""

    class Meta:
        model = ReminderSettings
        fields = list(reminders.SETTING_FIELDS)
        widgets = {
            name: forms.CheckboxInput(attrs={"class": "form-check-input"})
            for name in reminders.SETTING_FIELDS
        }

    def flags(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in reminders.SETTING_FIELDS}
