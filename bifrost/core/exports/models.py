"""The fields every export row has; the concrete models add what identifies a version."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class FileExport(models.Model):
    """A file made by a task. Subclasses add the object it belongs to, `version`, a
    `file = FileField(upload_to=...)` and the unique constraint over one version."""

    Status = ExportStatus
    # Declared by each subclass (its own upload_to); named here for the type checker.
    file: models.FileField

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(
        default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    #: Stamped every few seconds by the worker while it builds (see `heartbeat`).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    #: How often the export was started again after its worker was lost.
    restarts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)
