"""Meeting pages: scoping (404 outside), forms keep input, running the meeting,
minutes and the companies' preparation."""

import pytest
from django.test import Client
from django.urls import reverse

from bifrost.accounts.models import Membership, Role
from programme.meetings import services
from programme.models import Meeting, PreparationStatus
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _urls(programme, meeting):
    item = meeting.agenda_items.first()
    return [
        reverse("programme:programme_detail", args=[programme.pk]),
        reverse("programme:meeting", args=[meeting.pk]),
        reverse("programme:live", args=[meeting.pk]),
        reverse("programme:live_current", args=[meeting.pk]),
    ], [
        reverse("programme:programme_edit", args=[programme.pk]),
        reverse("programme:enrolments", args=[programme.pk]),
        reverse("programme:meeting_edit", args=[meeting.pk]),
        reverse("programme:agenda", args=[meeting.pk]),
        reverse("programme:agenda_item_create", args=[meeting.pk]),
        reverse("programme:agenda_item_edit", args=[item.pk]),
        reverse("programme:agenda_item_delete", args=[item.pk]),
        reverse("programme:run", args=[meeting.pk]),
        reverse("programme:run_panel", args=[meeting.pk]),
        reverse("programme:attendance", args=[meeting.pk]),
        reverse("programme:minutes", args=[meeting.pk]),
        reverse("programme:meeting_cancel", args=[meeting.pk]),
    ]


def test_outsider_gets_404_everywhere(client, programme, meeting, outsider, company):
    client.force_login(outsider)
    participant_urls, facilitator_urls = _urls(programme, meeting)
    for url in participant_urls + facilitator_urls:
        assert client.get(url).status_code == 404, url
    item = meeting.agenda_items.first()
    for url in [
        reverse("programme:run_advance", args=[meeting.pk]),
        reverse("programme:agenda_item_move", args=[item.pk]),
        reverse("programme:preparation", args=[meeting.pk]),
    ]:
        assert client.post(url).status_code == 404, url


def test_participant_sees_own_programme_but_not_the_tools(client, programme, meeting, owner):
    client.force_login(owner)
    participant_urls, facilitator_urls = _urls(programme, meeting)
    for url in participant_urls:
        assert client.get(url).status_code == 200, url
    for url in facilitator_urls:
        assert client.get(url).status_code == 404, url


def test_advisor_gets_404_for_the_kickoff(client, kickoff, meeting, enrolled_advisor):
    client.force_login(enrolled_advisor)
    assert client.get(reverse("programme:meeting", args=[kickoff.pk])).status_code == 404
    assert client.get(reverse("programme:meeting", args=[meeting.pk])).status_code == 200


def test_meeting_outside_the_period_gets_a_clear_message(client, facilitator, meeting):
    client.force_login(facilitator)
    data = {
        "title": "Nyt navn",
        "theme": "Tema",
        "audience": "all",
        "place": "Mødelokale 2",
        "video_link": "",
        "preparation_task": "",
        "preparation_due": "",
        "date": "2029-01-10",
        "start_time": "09:00",
        "end_time": "12:30",
    }
    response = client.post(reverse("programme:meeting_edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'value="Mødelokale 2"' in response.text
    data.update(date="2027-08-10", end_time="08:00")
    response = client.post(reverse("programme:meeting_edit", args=[meeting.pk]), data)
    assert "end_time" in response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.title != "Nyt navn"


def test_run_view_and_participants_follow_the_current_item(client, facilitator, meeting, owner):
    client.force_login(facilitator)
    client.post(reverse("programme:run_advance", args=[meeting.pk]), {"direction": "next"})
    first = meeting.agenda_items.order_by("position").first()
    panel = client.get(reverse("programme:run_panel", args=[meeting.pk])).text
    assert first.title in panel
    follower = Client()
    follower.force_login(owner)
    live = follower.get(reverse("programme:live_current", args=[meeting.pk])).text
    assert first.title in live


def test_unpublished_minutes_are_hidden_from_participants(client, facilitator, meeting, owner):
    services.minutes_save(meeting=meeting, text="Hemmeligt udkast til referat", publish=False)
    client.force_login(owner)
    url = reverse("programme:meeting", args=[meeting.pk])
    assert "Hemmeligt udkast" not in client.get(url).text
    services.minutes_save(meeting=meeting, text="Endeligt referat", publish=True)
    assert "Endeligt referat" in client.get(url).text


def test_smv_owner_submits_preparation_and_advisor_cannot(
    client, meeting, owner, enrolled_advisor, company
):
    services.meeting_update(meeting=meeting, preparation_task="Beskriv et dilemma")
    client.force_login(owner)
    response = client.post(
        reverse("programme:preparation", args=[meeting.pk]), {"text": "Vores input", "done": "on"}
    )
    assert response.status_code == 302
    status = PreparationStatus.objects.get(meeting=meeting, organisation=company)
    assert status.text == "Vores input" and status.done_at is not None
    client.force_login(enrolled_advisor)
    assert (
        client.post(reverse("programme:preparation", args=[meeting.pk]), {"text": "x"}).status_code
        == 404
    )


def test_cancel_asks_first(client, facilitator, meeting):
    client.force_login(facilitator)
    url = reverse("programme:meeting_cancel", args=[meeting.pk])
    assert client.get(url).status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    client.post(url)
    meeting.refresh_from_db()
    assert meeting.is_cancelled


def test_advisor_owning_an_unenrolled_company_still_cannot_see_the_kickoff(
    client, kickoff, enrolled_advisor
):
    Membership.objects.create(
        user=enrolled_advisor, organisation=OrganisationFactory(), role=Role.SMV_OWNER
    )
    client.force_login(enrolled_advisor)
    assert client.get(reverse("programme:meeting", args=[kickoff.pk])).status_code == 404


def test_running_past_the_last_item_ends_the_meeting(client, facilitator, meeting):
    count = meeting.agenda_items.count()
    for _ in range(count + 1):
        services.meeting_advance(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.run_ended_at is not None and meeting.current_item_id is None
    client.force_login(facilitator)
    panel = client.get(reverse("programme:run_panel", args=[meeting.pk])).text
    assert "over" in panel or "slut" in panel
    assert "Next:" not in panel and "Næste:" not in panel
