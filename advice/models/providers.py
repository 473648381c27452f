"""Providers (advisory units in the catalogue): contact people, course model, their angle
on each theme, and how many courses they can start per period."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from advice.models.offers import MARKDOWN_HELP, Theme
from bifrost.accounts.models import Organisation


class ProviderQuerySet(models.QuerySet):
    def published(self) -> "ProviderQuerySet":
        return self.filter(published=True)


class Provider(models.Model):
    """An advisory unit as the catalogue shows it. Its advisors (members of the unit)
    see the requests addressed to it once both local parties have confirmed."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="advice_provider",
        limit_choices_to={"kind": Organisation.Kind.ADVISORY_UNIT},
        verbose_name=_("advisory unit"),
    )
    name = models.CharField(_("public name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One or two sentences.")
    )
    approach = models.TextField(_("approach"), blank=True, help_text=MARKDOWN_HELP)
    website = models.URLField(_("website"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    themes = models.ManyToManyField(
        Theme,
        through="ProviderTheme",
        related_name="providers",
        blank=True,
        verbose_name=_("themes"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["position", "name", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="advice_provider_slug_set"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.organisation_id and self.organisation.kind != Organisation.Kind.ADVISORY_UNIT:
            raise ValidationError(
                {"organisation": _("A provider must be an advisory unit.")}, code="not_unit"
            )


class ContactPerson(models.Model):
    """Someone a workplace can call or write to at the provider (fictional in the demo)."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("provider")
    )
    name = models.CharField(_("name"), max_length=150)
    job_title = models.CharField(_("title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["provider", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="advice_contact_reachable"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CourseModelStep(models.Model):
    """One step of a provider's course model (e.g. preparatory meeting → seminar →
    activity phase → wrap-up). An accepted request copies the steps as dated
    ``CourseStep`` rows. Exactly one step of a published model should be the
    follow-up conversation the offer requires (at most one, the database says;
    the editor refuses to publish a model without one)."""

    provider = models.ForeignKey(
        Provider,
        on_delete=models.CASCADE,
        related_name="model_steps",
        verbose_name=_("provider"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True, help_text=MARKDOWN_HELP)
    is_follow_up = models.BooleanField(
        _("the follow-up conversation"),
        default=False,
        help_text=_("The follow-up conversation with the provider that every course includes."),
    )
    offset_days = models.PositiveSmallIntegerField(
        _("typically days after the start"),
        default=0,
        help_text=_("Used to suggest the step's date when a course starts."),
    )
    duration = models.CharField(
        _("typical duration"),
        max_length=100,
        blank=True,
        help_text=_("For example “1–2 hours by video” or “half or full day”."),
    )

    class Meta:
        verbose_name = _("course model step")
        verbose_name_plural = _("course model steps")
        ordering = ["provider", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider"],
                condition=Q(is_follow_up=True),
                name="advice_model_one_follow_up",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ProviderTheme(models.Model):
    """A provider offers a theme, with its own angle on it (e.g. "involve the staff")."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="angles", verbose_name=_("provider")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="angles", verbose_name=_("theme")
    )
    headline = models.CharField(_("headline"), max_length=150, blank=True)
    angle = models.TextField(_("the provider's angle"), blank=True, help_text=MARKDOWN_HELP)

    class Meta:
        verbose_name = _("provider's theme")
        verbose_name_plural = _("providers' themes")
        ordering = ["theme__position", "provider__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "theme"], name="advice_angle_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} – {self.theme}"


class ProviderCapacity(models.Model):
    """How many courses a provider can start in a period (first day to last day).

    A provider's periods never overlap: a PostgreSQL exclusion constraint refuses it
    (migration 0002; ``clean`` says so in words first)."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="capacities", verbose_name=_("provider")
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    courses = models.PositiveSmallIntegerField(_("courses that can start"))

    class Meta:
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")
        ordering = ["provider", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="advice_capacity_period_valid"
            ),
            models.CheckConstraint(
                condition=Q(courses__gte=0), name="advice_capacity_not_negative"
            ),
            models.UniqueConstraint(
                fields=["provider", "starts_on"], name="advice_capacity_start_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.courses} ({self.starts_on}–{self.ends_on})"

    def clean(self) -> None:
        super().clean()
        if not (self.provider_id and self.starts_on and self.ends_on):
            return
        overlapping = ProviderCapacity.objects.filter(
            provider_id=self.provider_id, starts_on__lte=self.ends_on, ends_on__gte=self.starts_on
        ).exclude(pk=self.pk)
        if overlapping.exists():
            raise ValidationError(
                _("This period overlaps another capacity period of the provider."),
                code="overlap",
            )
