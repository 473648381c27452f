"""Cases (engagements): phases, goals and their comments, meetings, tasks, meeting input,
advisor notes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from bifrost.core.threads.models import ThreadComment
from matching.models.choices import Phase
from matching.models.runs import MatchPair
from programme.models import Meeting, Programme


class Case(models.Model):
    """The engagement between a company and its advisor, created by a confirmed match."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="cases")
    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cases")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases"
    )
    unit = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="unit_cases",
        verbose_name=_("advisory unit"),
    )
    match_pair = models.ForeignKey(
        MatchPair, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases"
    )
    phase = models.CharField(_("phase"), max_length=30, choices=Phase.choices, default=Phase.WAY_IN)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.CharField(_("reason for closing"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Touched by every change on the case (dashboard sorting without aggregates).
    last_activity_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["company__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "company"],
                condition=Q(status="active"),
                name="case_one_active_per_company",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.advisor}"


class CasePhaseChange(models.Model):
    """When a case entered a phase (the history behind ``Case.phase``)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="phase_changes")
    phase = models.CharField(_("phase"), max_length=30, choices=Phase.choices)
    started_on = models.DateField(_("started"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["started_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.phase} {self.started_on}"


class CaseGoal(models.Model):
    """A shared development goal (udviklingsmål) of a case."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    position = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # Who last changed the title, description or status (not the order): the
    # company's dashboard tells it when its advisor added or changed a goal.
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class GoalComment(ThreadComment):
    """A comment on a development goal, or a reply to one (`bifrost.core.threads`):
    by the company's people or the case's advisor; facilitators read them."""

    thread_field = "goal"

    goal = models.ForeignKey(CaseGoal, on_delete=models.CASCADE, related_name="comments")

    class Meta(ThreadComment.Meta):
        verbose_name = _("comment on a development goal")
        verbose_name_plural = _("comments on development goals")

    def __str__(self) -> str:
        return f"comment {self.pk} on goal {self.goal_id}"


class CaseMeeting(models.Model):
    """A meeting the company and its advisor held between development meetings."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    participants = models.CharField(_("who took part"), max_length=300)
    summary = models.TextField(_("summary"), max_length=5000)
    next_steps = models.TextField(_("agreed next steps"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("company meeting")
        verbose_name_plural = _("company meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_id} {self.held_on}"


class CaseTask(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_tasks",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class CaseMeetingInput(models.Model):
    """What the pair has prepared for a coming development meeting."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="meeting_inputs")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("input for the development meeting"), max_length=5000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "meeting"], name="case_input_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.meeting_id}"


class AdvisorNote(models.Model):
    """An advisor's own note on a case: never shown to the company.

    Visible to its author and, when ``shared_with_unit``, to the author's
    colleagues in the case's advisory unit; never to other units.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="advisor_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("note"), max_length=5000)
    shared_with_unit = models.BooleanField(_("share with colleagues in my unit"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("advisor note")
        verbose_name_plural = _("advisor notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.case_id}"
