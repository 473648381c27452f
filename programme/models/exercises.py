"""Meeting exercises: the prejudice game, dilemmas, recommendations and the evaluation."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.models.meetings import Meeting

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


class RecommendationRevision(models.Model):
    """One change of a recommendation's wording by a facilitator, before it was
    published. The rows keep every earlier wording (the first row's
    `text_before` is the participant's own), so an edit is never silent; a
    published recommendation is not edited at all (services)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="revisions"
    )
    text_before = models.TextField(_("wording before"), max_length=1500)
    text_after = models.TextField(_("wording after"), max_length=1500)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation wording change")
        verbose_name_plural = _("recommendation wording changes")
        ordering = ["recommendation", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.text_after[:60]}"


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
