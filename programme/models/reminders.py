"""Meeting reminders: each person's settings and the reminder rows the sweeper claims."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from programme.models.meetings import Meeting


class ReminderSettings(models.Model):
    """Which reminder e-mails a person wants. Everything is on until turned off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    meeting_week_before = models.BooleanField(_("7 days before each meeting"), default=True)
    meeting_day_before = models.BooleanField(_("1 day before each meeting"), default=True)
    preparation_due = models.BooleanField(
        _("2 days before a preparation task is due"), default=True
    )

    def __str__(self) -> str:
        return str(self.user)


class Reminder(models.Model):
    """One e-mail to one person about one meeting. The unique constraint and the
    pending → sent change under a row lock make sure it is sent at most once."""

    class Kind(models.TextChoices):
        MEETING_WEEK = "meeting_7d", _("Meeting in 7 days")
        MEETING_DAY = "meeting_1d", _("Meeting tomorrow")
        PREPARATION = "preparation_2d", _("Preparation due in 2 days")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    due_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    sent_at = models.DateTimeField(null=True, blank=True)
    skip_reason = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "meeting", "kind"], name="reminder_once_per_subject"
            )
        ]
        indexes = [models.Index(fields=["status", "due_at"], name="reminder_due_idx")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.meeting})"
