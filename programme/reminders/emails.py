"""The reminder e-mail: only the meeting's logistics, never anything a company wrote.

Written in the platform's default language (Danish): reminders carry no per-person
language today.
"""

from django.utils import timezone

from bifrost.core import emails
from bifrost.core.http import absolute_url
from programme.models import Reminder

TEMPLATE = "programme/email/reminder"


def reminder_email_send(reminder: Reminder) -> None:
    """Queue the e-mail of one reminder (after the surrounding transaction commits)."""
    meeting = reminder.meeting
    emails.send(
        key=f"reminder:{reminder.pk}",
        to=[reminder.recipient.email],
        template=TEMPLATE,
        context={
            "kind": reminder.kind,
            "meeting_title": meeting.title,
            "starts_at": timezone.localtime(meeting.starts_at),
            "place": meeting.place,
            "preparation_due": meeting.preparation_due,
            "meeting_url": absolute_url("programme:meeting", meeting.pk),
            "settings_url": absolute_url("programme:reminder_settings"),
        },
    )
