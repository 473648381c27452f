"""Development meetings: agenda items, attendance and the companies' preparation."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.models.programmes import Programme


class Meeting(models.Model):
    class Audience(models.TextChoices):
        SMV_ONLY = "smv_only", _("Companies only")
        ALL = "all", _("Companies and advisors")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("0 is the kick-off meeting; 1–6 the development meetings.")
    )
    title = models.CharField(_("title"), max_length=200)
    theme = models.TextField(_("theme"), blank=True)
    audience = models.CharField(
        _("who attends"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    preparation_task = models.TextField(_("preparation task"), blank=True)
    preparation_due = models.DateField(_("preparation due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    # Running the meeting live.
    current_item = models.ForeignKey(
        "AgendaItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    current_item_started_at = models.DateTimeField(null=True, blank=True)
    run_ended_at = models.DateTimeField(null=True, blank=True)
    # Minutes, written after the meeting and published to participants.
    minutes = models.TextField(_("minutes (Markdown)"), blank=True)
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("development meeting")
        verbose_name_plural = _("development meetings")
        ordering = ["programme", "starts_at", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="meeting_number_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        PRESENTATION = "presentation", _("Presentation")
        WORKSHOP = "workshop", _("Workshop")
        PLENARY = "plenary", _("Plenary")
        EXERCISE = "exercise", _("Exercise")
        BREAK = "break", _("Break")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLENARY)
    fixed_start = models.TimeField(
        _("fixed start"),
        null=True,
        blank=True,
        help_text=_("Leave empty to start right after the previous item."),
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        default=15,
        validators=[
            MinValueValidator(1, _("An item lasts at least 1 minute.")),
            MaxValueValidator(600, _("An item can last at most 600 minutes.")),
        ],
    )
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    knowledge_page = models.ForeignKey(
        "knowledge.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("knowledge page"),
    )
    link = models.URLField(_("link"), blank=True)
    material = models.FileField(_("material (file)"), upload_to="agenda/%Y/", blank=True)
    notes = models.TextField(_("notes from the meeting"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1) & Q(duration_minutes__lte=600),
                name="agenda_item_duration_range",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances"
    )
    present = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="attendance_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class PreparationStatus(models.Model):
    """A company's answer to a meeting's preparation task."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="preparations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("your input"), blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="preparation_unique_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.meeting}"
