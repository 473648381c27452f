"""Match runs: weights, pair rules, the proposal and its pairs."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from programme.models import Programme


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
