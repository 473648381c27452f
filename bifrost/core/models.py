"""The core's own tables: the e-mail outbox."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEmail(models.Model):
    """One e-mail, written in the same transaction as the change that causes it.

    A task sends it after the commit; the beat sweeper (`core.sweep_outbox`) sends
    whatever is still unsent, with back-off, so a broker outage delays an e-mail
    but never loses it. At most once: the row is claimed under a row lock
    (PENDING → SENDING, committed) before the SMTP conversation and marked SENT
    after the server's answer; a row left in SENDING by a crash is never retried
    blindly but marked FAILED ("interrupted") for staff to look at.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Given up")

    #: One row per cause (e.g. "reminder:17"): writing the same cause twice is a no-op.
    key = models.CharField(max_length=200, unique=True)
    to = models.JSONField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_due",
                condition=models.Q(status="pending"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"
