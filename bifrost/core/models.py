"""The core's own tables: the e-mail outbox and the notifications."""

from django.conf import settings
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
    #: The body holds a one-time link (an invitation, a password reset, an address
    #: verification): it is emptied once the e-mail is sent or given up, so nobody
    #: with access to the outbox can use the link.
    holds_secret = models.BooleanField(default=False)
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


class NotificationMode(models.TextChoices):
    """How a person gets the e-mail of one kind of notification (in-app always)."""

    IMMEDIATE = "immediate", _("Immediately")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("Not by e-mail")


class Notification(models.Model):
    """One thing that happened, for one person (`bifrost.core.notifications`).

    The title is made from a fixed template and names only (people, companies,
    meetings), never what anyone wrote; `link` is a path on this site. `cause`
    names the event, so a retried task or a repeated call makes no second row.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=300)
    link = models.CharField(max_length=500)
    cause = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    #: When its e-mail (immediate or in a digest) was written to the outbox.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "cause"], name="notification_once_per_cause"
            )
        ]
        indexes = [
            models.Index(
                fields=["recipient"],
                name="notification_unread",
                condition=models.Q(read_at__isnull=True),
            ),
            models.Index(fields=["recipient", "-created_at"], name="notification_list"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id} ({self.cause})"


class NotificationPreference(models.Model):
    """A person's e-mail choice for one kind; no row means the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=60)
    mode = models.CharField(
        max_length=10, choices=NotificationMode.choices, default=NotificationMode.DIGEST
    )

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} = {self.mode}"
