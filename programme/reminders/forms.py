"""The reminder settings form: one checkbox per kind of reminder e-mail, and one
choice per registered kind of notification (immediately, daily digest, off)."""

from typing import Any

from django import forms

from bifrost.core.models import NotificationMode
from bifrost.core.notifications import kinds
from bifrost.core.notifications import selectors as notification_selectors
from programme.models import ReminderSettings
from programme.reminders.selectors import SETTING_FIELDS

NOTIFICATION_PREFIX = "notification__"


class ReminderSettingsForm(forms.ModelForm):
    """Labels come from the model's verbose names and the kinds' labels. The form only
    validates: the view passes `flags()` and `modes()` to the services."""

    class Meta:
        model = ReminderSettings
        fields = list(SETTING_FIELDS)
        widgets = {
            name: forms.CheckboxInput(attrs={"class": "form-check-input"})
            for name in SETTING_FIELDS
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = notification_selectors.modes_of(user)
        for kind in kinds.all_kinds():
            self.fields[NOTIFICATION_PREFIX + kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=NotificationMode.choices,
                initial=current[kind.key],
                # Left out of a POST (an older form): the person's choice stays.
                required=False,
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def reminder_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in SETTING_FIELDS]

    def notification_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(NOTIFICATION_PREFIX)]

    def flags(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in SETTING_FIELDS}

    def modes(self) -> dict[str, str]:
        return {
            name.removeprefix(NOTIFICATION_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(NOTIFICATION_PREFIX) and value
        }
