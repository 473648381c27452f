"""An offer round (e.g. "2019–2021") with its rules, and the themes it covers."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

MARKDOWN_HELP = _("Markdown: paragraphs, lists, **bold**, *italic* and links.")


class OfferRoundQuerySet(models.QuerySet):
    def published(self) -> "OfferRoundQuerySet":
        return self.filter(published=True)

    def accepting_on(self, day) -> "OfferRoundQuerySet":
        """Published rounds open for requests on ``day`` (a date)."""
        return self.published().filter(accepts_from__lte=day, ends_on__gte=day)


class OfferRound(models.Model):
    """One period of the offer: from when requests are accepted, until when, on which
    rules. The exclusions are the offer's own (``choices.Exclusion``), not per round."""

    name = models.CharField(_("name"), max_length=100, help_text=_("For example “2019–2021”."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    accepts_from = models.DateField(_("requests accepted from"))
    ends_on = models.DateField(_("last day"))
    introduction = models.TextField(_("introduction"), blank=True, help_text=MARKDOWN_HELP)
    rules_text = models.TextField(
        _("rules of the offer"),
        blank=True,
        help_text=_(
            "Shown beside the request form. Markdown: paragraphs, lists, **bold**, *italic* "
            "and links."
        ),
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer round")
        verbose_name_plural = _("offer rounds")
        ordering = ["-accepts_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("accepts_from")), name="advice_round_period_valid"
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="advice_round_slug_set"),
        ]

    def __str__(self) -> str:
        return self.name

    def accepts_requests_on(self, day) -> bool:
        return self.published and self.accepts_from <= day <= self.ends_on


class Theme(models.Model):
    """A theme of a round (e.g. violence and threats); providers add their angle on it
    (``ProviderTheme``), and a request names one or more."""

    round = models.ForeignKey(
        OfferRound, on_delete=models.CASCADE, related_name="themes", verbose_name=_("offer round")
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150)
    introduction = models.TextField(_("introduction"), blank=True, help_text=MARKDOWN_HELP)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["round", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "slug"], name="advice_theme_slug_per_round"),
            models.CheckConstraint(condition=~Q(slug=""), name="advice_theme_slug_set"),
        ]

    def __str__(self) -> str:
        return self.title
