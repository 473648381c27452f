"""Writes on logbooks themselves: one per company and programme (made at enrolment),
the company's consent to share it and its settings."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from bifrost.accounts.models import Organisation
from logbook.logbooks import notifications
from logbook.models import Logbook
from programme.models import Programme


def logbook_ensure(*, programme: Programme, company: Organisation) -> Logbook:
    """The company's logbook in the programme, created with the default consent if missing.

    Idempotent: called whenever the company is (re-)enrolled, it never makes a second.
    """
    logbook = Logbook.objects.filter(programme=programme, company=company).first()
    if logbook is not None:
        return logbook
    try:
        with transaction.atomic():
            return Logbook.objects.create(programme=programme, company=company)
    except IntegrityError:  # created at the same moment by someone else
        return Logbook.objects.get(programme=programme, company=company)


@transaction.atomic
def consent_update(
    *, logbook: Logbook, by, share_with_advisor: bool, share_with_researchers: bool
) -> Logbook:
    """Record the company's decision; a withdrawal takes effect on the next request."""
    logbook = Logbook.objects.select_for_update().get(pk=logbook.pk)
    withdrawn_from_advisor = logbook.share_with_advisor and not share_with_advisor
    logbook.share_with_advisor = share_with_advisor
    logbook.share_with_researchers = share_with_researchers
    logbook.consent_updated_at = timezone.now()
    logbook.consent_updated_by = by
    logbook.full_clean(exclude=["consent_updated_by"])
    logbook.save(
        update_fields=[
            "share_with_advisor",
            "share_with_researchers",
            "consent_updated_at",
            "consent_updated_by",
        ]
    )
    if withdrawn_from_advisor:
        notifications.advisor_access_withdrawn(logbook=logbook)
    return logbook


@transaction.atomic
def settings_update(*, logbook: Logbook, by, staff_names: str, reminders_enabled: bool) -> Logbook:
    """The staff list for the privacy guard and the meeting reminder switch."""
    logbook = Logbook.objects.select_for_update().get(pk=logbook.pk)
    lines = [" ".join(line.split()) for line in (staff_names or "").splitlines()]
    logbook.staff_names = "\n".join(line for line in lines if line)
    logbook.reminders_enabled = reminders_enabled
    logbook.full_clean(exclude=["consent_updated_by"])
    logbook.save(update_fields=["staff_names", "reminders_enabled"])
    return logbook
