"""Agenda PDFs made by the export worker."""

from django.db import models

from bifrost.core.exports.models import FileExport
from programme.models.meetings import Meeting


class AgendaExport(FileExport):
    """An agenda PDF made by a Celery task. One file per meeting and agenda version:
    the name is derived from both, so a retried task overwrites rather than duplicates."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="exports")
    version = models.CharField(max_length=64, help_text="hash of the agenda's content")
    file = models.FileField(upload_to="exports/agenda/", blank=True)

    class Meta(FileExport.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "version"], name="agenda_export_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"agenda PDF {self.meeting} ({self.get_status_display()})"
