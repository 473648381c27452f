"""Helpers of the reminder tests: a programme with one enrolled company and one
enrolled advisory unit, and what should be planned for each person."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from programme.meetings import services as meeting_services
from programme.models import Meeting, Programme, Reminder
from programme.programmes import services as programme_services
from tests import factories

WEEK, DAY, PREP = Reminder.Kind.MEETING_WEEK, Reminder.Kind.MEETING_DAY, Reminder.Kind.PREPARATION

CPH = ZoneInfo("Europe/Copenhagen")
PREPARATION_TASK = "Bring two dilemmas from your own company."

SECRET = "SECRET-ANSWER: Jens has been on sick leave with stress since March"


def create_programme(user) -> Programme:
    return programme_services.programme_create_from_template(
        name="BIFROST 2027",
        description="",
        starts_on=date(2027, 5, 1),
        ends_on=date(2027, 11, 30),
        user=user,
    )


def meeting_of(programme: Programme, number: int) -> Meeting:
    return programme.meetings.get(number=number)


def local_day(meeting: Meeting) -> date:
    return timezone.localtime(meeting.starts_at, CPH).date()


def pending(**filters):
    return Reminder.objects.filter(status=Reminder.Status.PENDING, **filters)


class World:
    """A programme with one enrolled company (owner) and advisory unit (advisor);
    meeting 2 has a preparation task due three days before it."""

    def __init__(self, capture, facilitator):
        self.facilitator = facilitator
        self.programme = create_programme(facilitator)
        self.company = factories.OrganisationFactory()
        self.unit = factories.AdvisoryUnitFactory()
        self.owner = factories.smv_owner(organisation=self.company)
        self.advisor = factories.advisor(organisation=self.unit)
        self.kickoff = meeting_of(self.programme, 0)
        self.m1 = meeting_of(self.programme, 1)
        self.m2 = meeting_of(self.programme, 2)
        self.preparation_due = local_day(self.m2) - timedelta(days=3)
        with capture(execute=True):
            meeting_services.meeting_update(
                meeting=self.m2,
                preparation_task=PREPARATION_TASK,
                preparation_due=self.preparation_due,
            )
            self.company_enrolment = programme_services.enrolment_add(
                programme=self.programme, organisation=self.company
            )
            self.unit_enrolment = programme_services.enrolment_add(
                programme=self.programme, organisation=self.unit
            )

    @property
    def m1_week_due(self) -> datetime:
        return self.m1.starts_at - timedelta(days=7)


def expected_for(world: World, person) -> dict[tuple[int, str], datetime]:
    """(meeting id, kind) → due time, computed independently of the module."""
    expected = {}
    for meeting in world.programme.meetings.all():
        if person == world.advisor and meeting.audience == Meeting.Audience.SMV_ONLY:
            continue
        expected[(meeting.pk, WEEK)] = meeting.starts_at - timedelta(days=7)
        expected[(meeting.pk, DAY)] = meeting.starts_at - timedelta(days=1)
    send_day = world.preparation_due - timedelta(days=2)
    expected[(world.m2.pk, PREP)] = datetime.combine(send_day, time(8, 0), tzinfo=CPH)
    return expected


def planned_for(person) -> dict[tuple[int, str], datetime]:
    return {
        (r.meeting_id, r.kind): r.due_at
        for r in Reminder.objects.filter(recipient=person, status=Reminder.Status.PENDING)
    }
