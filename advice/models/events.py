"""What happened to a request, when and by whom: the audit trail, and the source of the
administrator's waiting times (sent → confirmed → answered). Rows hold no text
from the request, only the kind of event, so they can be counted and exported."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from advice.models.choices import EventKind
from advice.models.providers import Provider
from advice.models.requests import AdviceRequest


class RequestEvent(models.Model):
    request = models.ForeignKey(
        AdviceRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    kind = models.CharField(_("what"), max_length=20, choices=EventKind.choices)
    # Empty for what the system did (reminders, expiry) and after the person's erasure.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # The provider the request was addressed to at the time (waiting time per provider).
    provider = models.ForeignKey(
        Provider,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provider"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["request", "at", "pk"]
        indexes = [
            models.Index(fields=["request", "at"], name="advice_event_request_idx"),
            models.Index(fields=["kind", "at"], name="advice_event_kind_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="advice_event_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"
