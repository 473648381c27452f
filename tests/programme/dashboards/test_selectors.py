"""The programme's dashboard reads: which meeting is next, how far each company's
preparation is, published minutes, and who counts for the evaluation's response rate."""

from datetime import timedelta

import pytest
from django.utils import timezone

from programme.dashboards import selectors
from programme.meetings import services as meeting_services
from programme.models import Enrolment, EvaluationResponse, Meeting, PreparationStatus, Programme
from programme.programmes.selectors import represented_enrolments
from tests import factories
from tests.accounts.dashboards.builders import move

pytestmark = pytest.mark.django_db


def test_preparation_state():
    assert selectors.preparation_state(None) == selectors.PREPARATION_NOT_STARTED
    assert selectors.preparation_state(PreparationStatus(text="  ")) == "not_started"
    assert selectors.preparation_state(PreparationStatus(text="x")) == "started"
    assert selectors.preparation_state(PreparationStatus(done_at=timezone.now())) == "done"


def test_the_next_meeting_is_the_first_planned_one_not_ended(programme):
    now = timezone.now()
    kickoff, first, second = (programme.meetings.get(number=n) for n in (0, 1, 2))
    move(kickoff, days=-10)
    move(first, days=-0.05)  # started an hour ago: still running, so still "next"
    move(second, days=5)
    assert selectors.coming_meetings([programme.pk], now=now)[programme.pk] == first
    Meeting.objects.filter(pk=first.pk).update(status=Meeting.Status.CANCELLED)
    assert selectors.coming_meetings([programme.pk], now=now)[programme.pk] == second


def test_each_company_gets_its_programmes_next_meeting_and_preparation(programme, company, owner):
    kickoff = programme.meetings.get(number=0)
    kickoff.preparation_task = "Forbered jer."
    kickoff.preparation_due = timezone.localdate() - timedelta(days=1)
    kickoff.save(update_fields=["preparation_task", "preparation_due"])
    meeting_services.preparation_submit(
        meeting=kickoff, organisation=company, user=owner, text="Udkast", done=False
    )
    now, today = timezone.now(), timezone.localdate()
    [row] = selectors.next_meetings_of_companies(
        represented_enrolments(owner), now=now, today=today
    )
    assert row.meeting == kickoff
    assert row.state == selectors.PREPARATION_STARTED
    assert row.preparation_overdue
    # Another company's owner sees nothing of it.
    assert (
        selectors.next_meetings_of_companies(
            represented_enrolments(factories.smv_owner()), now=now, today=today
        )
        == []
    )


def test_minutes_published_since(programme):
    held = programme.meetings.get(number=0)
    held.minutes, held.minutes_published_at = "Referat", timezone.now()
    held.save()
    empty = programme.meetings.get(number=1)
    empty.minutes_published_at = timezone.now()  # published without text: nothing to read
    empty.save()
    since = timezone.now() - timedelta(hours=1)
    assert selectors.minutes_published_since(Meeting.objects.all(), since=since) == [held]
    assert selectors.minutes_published_since(Meeting.objects.all(), since=timezone.now()) == []


def test_response_rates_count_the_participants_as_the_evaluation_does(
    programme, company, owner, enrolled_advisor
):
    closing = programme.meetings.get(number=6)
    factories.smv_owner(organisation=company, user__is_active=False)  # not a participant
    left = factories.OrganisationFactory()
    Enrolment.objects.create(programme=programme, organisation=left, left_at=timezone.now())
    factories.smv_owner(organisation=left)  # left the programme: not a participant
    EvaluationResponse.objects.create(meeting=closing, respondent=owner, answers={})
    [rate] = selectors.response_rates(Meeting.objects.filter(programme=programme))
    assert (rate.responded, rate.participants, rate.percent) == (1, 2, 50)
    assert not rate.closed
    Meeting.objects.filter(pk=closing.pk).update(audience=Meeting.Audience.SMV_ONLY)
    [rate] = selectors.response_rates(Meeting.objects.filter(programme=programme))
    assert rate.participants == 1  # the advisor does not count for a companies-only meeting


def test_programmes_that_ended_are_not_running(programme, facilitator):
    now, today = timezone.now(), timezone.localdate()
    rows = selectors.next_meetings_of_programmes(Programme.objects.all(), now=now, today=today)
    assert [row.programme for row in rows] == [programme]
    Programme.objects.filter(pk=programme.pk).update(
        starts_on=today - timedelta(days=300), ends_on=today - timedelta(days=1)
    )
    assert (
        selectors.next_meetings_of_programmes(Programme.objects.all(), now=now, today=today) == []
    )
