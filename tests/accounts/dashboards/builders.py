"""Builders for the dashboard tests (plain functions, shared with tests/e2e and the
apps' dashboard tests): meetings moved near today, and a world of N cases."""

from datetime import timedelta

from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry
from logbook.models import Entry, Logbook
from matching.models import Case, CaseMeeting, CaseTask
from programme.models import Enrolment, Meeting
from tests import factories
from tests.matching.factories import CaseFactory


def move(meeting: Meeting, *, days: float, **fields) -> Meeting:
    """Move `meeting` to start `days` from now (three hours long), with `fields` set."""
    starts = timezone.now() + timedelta(days=days)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts, ends_at=starts + timedelta(hours=3), **fields
    )
    meeting.refresh_from_db()
    return meeting


def cases_for(advisor, unit, programme, count: int, *, owners: bool = False) -> list[Case]:
    """`count` enrolled companies (each with its logbook, made at enrolment) and the
    advisor's active case with each."""
    companies = factories.OrganisationFactory.create_batch(count)
    for company in companies:
        Enrolment.objects.create(programme=programme, organisation=company)
        if owners:
            factories.smv_owner(organisation=company)
    return [
        CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit)
        for company in companies
    ]


def busy(cases: list[Case], advisor) -> None:
    """On every case: an overdue and an open task, an old company meeting, logbook
    entries, and the advisor's read of the logbook between them."""
    today = timezone.localdate()
    CaseTask.objects.bulk_create(
        task
        for case in cases
        for task in (
            CaseTask(case=case, title="Forsinket", due_on=today - timedelta(days=2)),
            CaseTask(case=case, title="Åben", due_on=today + timedelta(days=9)),
        )
    )
    CaseMeeting.objects.bulk_create(
        CaseMeeting(
            case=case,
            held_on=today - timedelta(weeks=5),
            participants="Ejer og rådgiver",
            summary="Første møde.",
        )
        for case in cases
    )
    logbooks = Logbook.objects.filter(company__in=[case.company_id for case in cases])
    Entry.objects.bulk_create(
        Entry(logbook=logbook, kind=Entry.Kind.REFLECTION, entry_date=today, title=f"Notat {i}")
        for logbook in logbooks
        for i in range(2)
    )
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            organisation_id=logbook.company_id,
            user=advisor,
            user_label=advisor.email,
            role="advisor",
            action=AccessLogEntry.Action.READ,
            object_kind="logbook",
            object_id=logbook.pk,
            created_at=timezone.now() - timedelta(days=1),
        )
        for logbook in logbooks
    )
