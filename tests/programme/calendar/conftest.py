"""A programme in 2026 with meetings in summer and winter time, a cancelled one and
the companies-only kick-off; an enrolled company's owner and an enrolled advisor."""

from datetime import date, datetime

import pytest

from programme.models import Enrolment, Meeting, Programme
from tests import factories
from tests.programme.calendar.helpers import CPH, LONG_TITLE, meeting_at


@pytest.fixture
def cal_programme(db) -> Programme:
    return Programme.objects.create(
        name="BIFROST 2026", starts_on=date(2026, 3, 1), ends_on=date(2026, 12, 15)
    )


@pytest.fixture
def kickoff_meeting(cal_programme) -> Meeting:
    return meeting_at(
        cal_programme,
        0,
        datetime(2026, 3, 10, 9, 0, tzinfo=CPH),
        title="Opstartsmøde for virksomheder",
        audience=Meeting.Audience.SMV_ONLY,
    )


@pytest.fixture
def may_meeting(cal_programme) -> Meeting:
    """Summer time: 09:00 in Copenhagen is 07:00 UTC."""
    return meeting_at(
        cal_programme,
        1,
        datetime(2026, 5, 12, 9, 0, tzinfo=CPH),
        title=LONG_TITLE,
        theme="Hvordan skaber I værdi; for hvem, og hvordan?",
        place="Mediehuset, Store Kongensgade 1, København",
        video_link="https://video.example.test/bifrost-moede-1",
        preparation_task="Skriv jeres tre vigtigste udfordringer.",
    )


@pytest.fixture
def november_meeting(cal_programme) -> Meeting:
    """Winter time: 09:00 in Copenhagen is 08:00 UTC."""
    return meeting_at(cal_programme, 2, datetime(2026, 11, 17, 9, 0, tzinfo=CPH))


@pytest.fixture
def cancelled_meeting(cal_programme) -> Meeting:
    return meeting_at(
        cal_programme,
        3,
        datetime(2026, 9, 8, 9, 0, tzinfo=CPH),
        status=Meeting.Status.CANCELLED,
    )


@pytest.fixture
def meetings(kickoff_meeting, may_meeting, november_meeting, cancelled_meeting):
    return [kickoff_meeting, may_meeting, november_meeting, cancelled_meeting]


@pytest.fixture
def company_enrolment(cal_programme) -> Enrolment:
    return Enrolment.objects.create(
        programme=cal_programme, organisation=factories.OrganisationFactory()
    )


@pytest.fixture
def cal_owner(company_enrolment):
    """The SMV owner of the company enrolled in `cal_programme`."""
    return factories.smv_owner(organisation=company_enrolment.organisation)


@pytest.fixture
def unit_advisor(cal_programme):
    unit = factories.AdvisoryUnitFactory()
    Enrolment.objects.create(programme=cal_programme, organisation=unit)
    return factories.advisor(organisation=unit)
