"""Company and advisor profiles, filled in for one programme."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation
from matching.models.choices import AdvisorRole, MeetingFormat
from programme.models import Programme


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
