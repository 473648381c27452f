"""Company and advisor profiles, match runs, and the cases (engagements) they create.

Codes for challenges, advisor roles and phases are the slugs of the matching
knowledge pages, so a profile or a case can link straight to the page that
explains them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.models import Meeting, Programme


class Challenge(models.TextChoices):
    """The six stress challenges the programme works on (knowledge page slugs)."""

    STRESS_MANAGEMENT = "stresshaandtering", _("Stress management")
    TEAM_COLLABORATION = "stress-i-teamsamarbejde", _("Stress in team collaboration")
    STRESS_POLICY = "stresspolitik", _("Stress policy")
    RETURN_AFTER_LEAVE = (
        "tilbagevenden-efter-stresssygemelding",
        _("Return after stress-related sick leave"),
    )
    ORGANISATIONAL_CHANGE = (
        "stress-under-organisatoriske-forandringer",
        _("Stress during organisational change"),
    )
    LEADER_SPARRING = "ledersparring", _("Sparring for leaders")


class AdvisorRole(models.TextChoices):
    """The four advisor roles as knowledge brokers (knowledge page slugs)."""

    PRODUCT_SELLER = "produktsaelgeren", _("The product seller")
    EXPERT = "eksperten", _("The expert")
    VALUABLE_RESOURCE = "vaerdifuld-ressource", _("The valuable resource")
    TRUSTED_ADVISOR = "betroet-raadgiver", _("The trusted advisor")


class Phase(models.TextChoices):
    """The three bridge-building phases (knowledge page slugs)."""

    WAY_IN = "vejen-ind", _("The way in")
    RELATIONSHIP = "etablering-af-relationen", _("Establishing the relationship")
    HANDOVER = "overdragelse-af-engagement", _("Handing over engagement")


class MeetingFormat(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    VIDEO = "video", _("Video")
    EITHER = "either", _("Either")


class Competence(models.TextChoices):
    NONE = "none", _("None")
    SOME = "some", _("Some")
    STRONG = "strong", _("Strong")


class CompanyProfile(models.Model):
    """What a company needs from an advisor, filled in by its SMV owner (per programme).

    ``challenges`` is a ranked list of ``Challenge`` values, most important first
    (1–6 of them). ``months_available`` is a list of month numbers (1–12).
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="company_profiles"
    )
    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    industry = models.CharField(_("industry"), max_length=20, choices=Organisation.Industry.choices)
    size_band = models.CharField(_("size"), max_length=10, choices=Organisation.SizeBand.choices)
    region = models.CharField(_("region"), max_length=20, choices=Organisation.Region.choices)
    challenges = models.JSONField(_("challenges, most important first"), default=list)
    preferred_role = models.CharField(
        _("preferred kind of advisor relation"),
        max_length=30,
        choices=AdvisorRole.choices,
        blank=True,
    )
    meeting_format = models.CharField(
        _("on site or video"),
        max_length=10,
        choices=MeetingFormat.choices,
        default=MeetingFormat.EITHER,
    )
    months_available = models.JSONField(_("months available"), default=list)
    needs = models.TextField(_("what you need (free text)"), max_length=3000, blank=True)
    # Conflicts of interest: an advisor from one of these units is never proposed.
    existing_units = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Organisation.Kind.ADVISORY_UNIT},
        verbose_name=_("advisory units that already serve the company"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("company profile")
        verbose_name_plural = _("company profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "company"], name="company_profile_unique_per_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.programme}"


class AdvisorProfile(models.Model):
    """What an advisor offers, filled in by the advisor (per programme).

    ``competences`` maps every ``Challenge`` value to a ``Competence`` value;
    ``industries`` and ``regions`` are lists of ``Organisation.Industry`` /
    ``Organisation.Region`` values; ``role_scores`` maps ``AdvisorRole`` values to
    a percentage 0–100 (from the knowledge site's self-assessment or set by hand).
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="advisor_profiles"
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisor_profiles"
    )
    unit = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("advisory unit"),
    )
    competences = models.JSONField(_("competence per challenge"), default=dict)
    industries = models.JSONField(_("industries worked with"), default=list)
    regions = models.JSONField(_("regions covered"), default=list)
    meeting_format = models.CharField(
        _("on site or video"),
        max_length=10,
        choices=MeetingFormat.choices,
        default=MeetingFormat.EITHER,
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity (companies at once)"),
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    role_scores = models.JSONField(_("role profile"), default=dict)
    # Set when the advisor drops out of the programme: never proposed again.
    withdrawn_at = models.DateTimeField(_("dropped out"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("advisor profile")
        verbose_name_plural = _("advisor profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "advisor"], name="advisor_profile_unique_per_programme"
            ),
            models.CheckConstraint(
                condition=Q(capacity__lte=20), name="advisor_profile_capacity_max_20"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.advisor} – {self.programme}"


class MatchWeights(models.Model):
    """How much each criterion counts in a programme's match score (0–10 each)."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="match_weights"
    )
    challenge = models.PositiveSmallIntegerField(
        _("challenge fit"), default=4, validators=[MaxValueValidator(10)]
    )
    industry = models.PositiveSmallIntegerField(
        _("industry experience"), default=2, validators=[MaxValueValidator(10)]
    )
    region_format = models.PositiveSmallIntegerField(
        _("region and format"), default=2, validators=[MaxValueValidator(10)]
    )
    role = models.PositiveSmallIntegerField(
        _("role fit"), default=2, validators=[MaxValueValidator(10)]
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("match weights")
        verbose_name_plural = _("match weights")

    def __str__(self) -> str:
        return str(self.programme)

    def as_dict(self) -> dict[str, int]:
        return {
            "challenge": self.challenge,
            "industry": self.industry,
            "region_format": self.region_format,
            "role": self.role,
        }


class PairRule(models.Model):
    """A facilitator's decision on a company–advisor pair: never propose it, or always keep it."""

    class Kind(models.TextChoices):
        MUST_NOT = "must_not", _("Must not be matched")
        LOCK = "lock", _("Locked (always kept)")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pair_rules")
    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pair rule")
        verbose_name_plural = _("pair rules")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "company", "advisor"], name="pair_rule_unique"
            ),
            # A company can be locked to one advisor only.
            models.UniqueConstraint(
                fields=["programme", "company"],
                condition=Q(kind="lock"),
                name="pair_rule_one_lock_per_company",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company_id}–{self.advisor_id} {self.kind}"


class MatchRun(models.Model):
    """One run of the matcher: its inputs, weights and result, kept to explain it later.

    ``inputs`` is a snapshot of the profiles, rules and conflicts the run used;
    ``weights`` a copy of ``MatchWeights.as_dict()``; ``unmatched`` a list of
    ``{"company_id", "company_name", "reason"}``. Pairs are ``MatchPair`` rows,
    which the facilitator may swap or override while the run is a draft.
    """

    class Mode(models.TextChoices):
        MAX_TOTAL = "max_total", _("Highest total score")
        MAX_MIN = "max_min", _("Best weakest pair first")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONFIRMED = "confirmed", _("Confirmed")
        DISCARDED = "discarded", _("Discarded")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="match_runs")
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_rematch = models.BooleanField(_("re-match"), default=False)
    weights = models.JSONField(default=dict)
    inputs = models.JSONField(default=dict)
    unmatched = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("match run")
        verbose_name_plural = _("match runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.programme} {self.created_at:%Y-%m-%d %H:%M} ({self.status})"


class MatchPair(models.Model):
    """A company–advisor pair in a run, with its score and the score's breakdown.

    ``breakdown`` maps each criterion to ``{"points", "max", "weight"}`` and
    whatever detail the explanation needs; ``source`` says how the pair got there.
    """

    class Source(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        LOCKED = "locked", _("Locked")
        KEPT = "kept", _("Kept from an earlier match")
        OVERRIDDEN = "overridden", _("Changed by the facilitator")

    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="pairs")
    company = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    score = models.PositiveIntegerField(default=0)
    breakdown = models.JSONField(default=dict)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.PROPOSED)

    class Meta:
        verbose_name = _("match pair")
        verbose_name_plural = _("match pairs")
        ordering = ["company__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "company"], name="match_pair_company_once")
        ]

    def __str__(self) -> str:
        return f"{self.company_id}–{self.advisor_id} ({self.score})"


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
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


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
