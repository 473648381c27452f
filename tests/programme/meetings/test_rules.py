"""Who takes part in a meeting is written once (`programme.meetings.rules`): the lists
(landing page, programme page, calendar feed), the permission and the people who
should attend (attendance, reminders) agree for everyone."""

import pytest

from bifrost.accounts.models import Membership, Role
from programme.meetings.rules import meetings_taken_part_in, meetings_visible
from programme.meetings.selectors import meeting_participants
from programme.models import Meeting, Programme
from programme.programmes.rules import programmes_visible
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(facilitator, owner, enrolled_advisor, outsider, unit):
    """Everyone with a different answer: the facilitator, an enrolled company's owner, an
    enrolled advisor (who also owns a company that is not enrolled), an outsider, a
    member of the unit that left, and someone without any organisation."""
    Membership.objects.create(
        user=enrolled_advisor, organisation=factories.OrganisationFactory(), role=Role.SMV_OWNER
    )
    left_unit = factories.AdvisoryUnitFactory()
    departed = factories.advisor(organisation=left_unit)
    programme = unit.enrolments.get().programme
    programme.enrolments.create(organisation=left_unit, left_at=programme.created_at)
    return [facilitator, owner, enrolled_advisor, outsider, departed, factories.UserFactory()]


def test_the_meeting_list_and_the_permission_agree(people, programme, kickoff):
    for person in people:
        listed = set(meetings_visible(person, Meeting.objects.all()))
        for meeting in programme.meetings.all():
            allowed = person.has_perm("programme.view_meeting", meeting)
            assert allowed == (meeting in listed), (person, meeting)


def test_the_people_of_a_meeting_and_the_meetings_of_a_person_agree(people, programme):
    for meeting in programme.meetings.all():
        attendees = set(meeting_participants(meeting))
        for person in people:
            takes_part = meetings_taken_part_in(person, Meeting.objects.filter(pk=meeting.pk))
            assert (person in attendees) == takes_part.exists(), (person, meeting)
            assert person.has_perm("programme.contribute_exercise", meeting) == (
                person in attendees
            )


def test_the_kickoff_is_for_the_companies(people, kickoff, owner, enrolled_advisor):
    assert owner.has_perm("programme.view_meeting", kickoff)
    assert not enrolled_advisor.has_perm("programme.view_meeting", kickoff)
    assert set(meeting_participants(kickoff)) == {owner}


def test_the_programme_list_and_the_permission_agree(people, programme):
    for person in people:
        listed = set(programmes_visible(person, Programme.objects.all()))
        allowed = person.has_perm("programme.view_programme", programme)
        assert allowed == (programme in listed), person


def test_facilitator_feed_holds_every_programme_meeting(client, facilitator, programme):
    assert (
        meetings_visible(facilitator, Meeting.objects.all()).count() == programme.meetings.count()
    )
