"""Reads for reminders: each person's settings."""

from typing import Any

from programme.models import ReminderSettings

# The kinds of reminder a person can turn off, as fields of `ReminderSettings`.
SETTING_FIELDS = ("meeting_week_before", "meeting_day_before", "preparation_due")


def reminder_settings_of(user: Any) -> ReminderSettings:
    """The person's settings; an unsaved row with everything on if they never chose."""
    preferences = ReminderSettings.objects.filter(user=user).first()
    return preferences if preferences is not None else ReminderSettings(user=user)
