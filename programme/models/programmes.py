"""Programmes (forløb) and the organisations enrolled in them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Organisation


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
