"""Programmes (forløb), their development meetings, agendas, attendance and reminders."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation, hash_token
from bifrost.core.exports.models import FileExport


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="programme_period_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Enrolment(models.Model):
    """A company or an advisory unit taking part in a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="enrolments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation"], name="enrolment_unique_per_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.programme}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None


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


class CalendarFeed(models.Model):
    """A personal, secret iCal URL. Only a hash of the token is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"feed for {self.user}"

    hash = staticmethod(hash_token)


class AgendaExport(FileExport):
    """An agenda PDF made by a Celery task. One file per meeting and agenda version:
    the name is derived from both, so a retried task overwrites rather than duplicates."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="exports")
    version = models.CharField(max_length=64, help_text="hash of the agenda's content")
    file = models.FileField(upload_to="exports/agenda/", blank=True)

    class Meta(FileExport.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "version"], name="agenda_export_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"agenda PDF {self.meeting} ({self.get_status_display()})"


# --- Meeting exercises ------------------------------------------------------------
# Meeting 1: the prejudice game; 2 and 4: the dilemma workshop; 5: recommendations;
# 6: evaluation with the agreed principles and tools. Services and selectors live in
# the packages of programme/exercises/.


class ExerciseState(models.Model):
    """The facilitator's switches for a meeting's exercise (one row per meeting, made
    on first use): the prejudice game is revealed, the evaluation is closed."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="exercise_state")
    assumptions_revealed_at = models.DateTimeField(null=True, blank=True)
    evaluation_closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"exercise state – {self.meeting}"


class Assumption(models.Model):
    """Prejudice game: what one side thinks the other side is like.

    The author is kept for moderation; when `anonymous` is set no page shows who
    wrote it, the facilitator's pages included.
    """

    class Side(models.TextChoices):
        ADVISORS = "advisors", _("Advisors' assumptions about SMVs")
        SMVS = "smvs", _("SMVs' assumptions about advisors")

    class Status(models.TextChoices):
        OPEN = "open", _("Not discussed yet")
        CONFIRMED = "confirmed", _("Confirmed")
        CHANGED = "changed", _("Changed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="assumptions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    text = models.TextField(_("assumption"), max_length=600)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    status = models.CharField(
        _("after the discussion"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assumption")
        verbose_name_plural = _("assumptions")
        ordering = ["meeting", "side", "created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Dilemma(models.Model):
    """A dilemma situation in handling employees with mental-health challenges."""

    title = models.CharField(_("title"), max_length=200, unique=True)
    description = models.TextField(_("description"), max_length=2000)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dilemma")
        verbose_name_plural = _("dilemmas")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class DilemmaChoice(models.Model):
    """A company picks a dilemma at a workshop meeting and describes it in its own terms."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="dilemma_choices")
    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    dilemma = models.ForeignKey(Dilemma, on_delete=models.PROTECT, related_name="choices")
    concrete_description = models.TextField(_("how it looks with us"), max_length=3000)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chosen dilemma")
        verbose_name_plural = _("chosen dilemmas")
        ordering = ["meeting", "company__name", "dilemma__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "company", "dilemma"], name="dilemma_choice_once_per_company"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.dilemma}"


class Scenario(models.Model):
    """A dilemma play (dilemma-spil) made from a company's chosen dilemma, and how it went."""

    choice = models.ForeignKey(DilemmaChoice, on_delete=models.CASCADE, related_name="scenarios")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="scenarios")
    title = models.CharField(_("title"), max_length=200)
    script = models.TextField(_("script and setup"), max_length=5000)
    played_at = models.DateField(_("played on"), null=True, blank=True)
    outcome = models.TextField(_("how it was played"), max_length=3000, blank=True)
    adjustments = models.TextField(_("adjustments"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dilemma play")
        verbose_name_plural = _("dilemma plays")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    """A proposed recommendation for bridge-building advisory on retention."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="recommendations")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("recommendation"), max_length=1500)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["meeting", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="recommendation_not_merged_into_itself"
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(published_at__isnull=True),
                name="recommendation_merged_not_published",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None


class RecommendationComment(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("comment"), max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Endorsement(models.Model):
    """One person backs one recommendation, at most once."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="endorsements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "user"], name="endorsement_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} + {self.recommendation}"


class EvaluationResponse(models.Model):
    """One person's answers to the closing questionnaire (questions are defined in code,
    programme/exercises/evaluation/questionnaire.py; `answers` maps question key → 1–5)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="evaluation_responses"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    answers = models.JSONField(default=dict)
    free_text = models.TextField(_("anything else?"), max_length=3000, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "respondent"], name="evaluation_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.respondent} – {self.meeting}"


class Principle(models.Model):
    """An experience-based principle or tool agreed at the closing meeting."""

    class Kind(models.TextChoices):
        PRINCIPLE = "principle", _("Principle")
        TOOL = "tool", _("Tool")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="principles")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PRINCIPLE)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description (Markdown)"), max_length=5000, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("principle or tool")
        verbose_name_plural = _("principles and tools")
        ordering = ["meeting", "kind", "position", "pk"]

    def __str__(self) -> str:
        return self.title
