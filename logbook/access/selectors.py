"""Reads of a logbook's access log (the company's page "who has looked at our logbook")."""

from django.db.models import QuerySet

from bifrost.accounts.models import AccessLogEntry
from logbook.models import Logbook


def access_log(logbook: Logbook) -> QuerySet[AccessLogEntry]:
    """Who outside the company touched its data, newest first."""
    return AccessLogEntry.objects.filter(organisation_id=logbook.company_id).order_by(
        "-created_at", "-pk"
    )
