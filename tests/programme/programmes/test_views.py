"""Programme pages: creating a programme, the overview for facilitators and the
participants' programme page (fixed queries), leaving a programme."""

import pytest
from django.urls import reverse

from programme.meetings import services as meeting_services
from programme.models import Meeting, Programme
from programme.programmes import services

pytestmark = pytest.mark.django_db


def test_leaving_the_programme_removes_access(client, meeting, owner, company):
    client.force_login(owner)
    url = reverse("programme:meeting", args=[meeting.pk])
    assert client.get(url).status_code == 200
    services.enrolment_end(enrolment=company.enrolments.get())
    assert client.get(url).status_code == 404


def test_facilitator_creates_a_programme_from_the_template(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("programme:programme_create"),
        {
            "name": "Forløb 2028",
            "description": "",
            "starts_on": "2028-05-01",
            "ends_on": "2028-11-30",
        },
    )
    programme = Programme.objects.get(name="Forløb 2028")
    assert response.url == reverse("programme:programme_detail", args=[programme.pk])
    assert programme.meetings.count() == 7


def test_programme_with_end_before_start_keeps_the_input(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("programme:programme_create"),
        {
            "name": "Baglæns",
            "description": "Tekst",
            "starts_on": "2028-11-30",
            "ends_on": "2028-05-01",
        },
    )
    assert response.status_code == 200
    assert "ends_on" in response.context["form"].errors
    assert 'value="Baglæns"' in response.text
    assert not Programme.objects.filter(name="Baglæns").exists()


def _more_meetings(programme, count):
    first = programme.meetings.order_by("number").first()
    Meeting.objects.bulk_create(
        Meeting(
            programme=programme,
            number=100 + programme.meetings.count() + n,
            title=f"Ekstra {n}",
            starts_at=first.starts_at,
            ends_at=first.ends_at,
        )
        for n in range(count)
    )


def test_overview_queries_are_fixed_with_7_and_70_meetings(
    client, facilitator, programme, company, django_assert_max_num_queries
):
    client.force_login(facilitator)
    url = reverse("programme:programme_detail", args=[programme.pk])
    with django_assert_max_num_queries(15) as seven:
        assert client.get(url).status_code == 200
    _more_meetings(programme, 63)
    with django_assert_max_num_queries(15) as seventy:
        response = client.get(url)
    assert len(response.context["meetings"]) == 70
    assert len(seven.captured_queries) == len(seventy.captured_queries)


def test_overview_counts_are_exact(client, facilitator, meeting, owner, enrolled_advisor, company):
    """Attendance, preparations and agenda items are counted once each, not multiplied."""
    meeting_services.meeting_update(meeting=meeting, preparation_task="Forbered et dilemma")
    meeting_services.attendance_record(
        meeting=meeting,
        present_user_ids={owner.pk, enrolled_advisor.pk},
        participant_ids={owner.pk, enrolled_advisor.pk},
    )
    meeting_services.preparation_submit(
        meeting=meeting, organisation=company, user=owner, text="Klar", done=True
    )
    client.force_login(facilitator)
    response = client.get(reverse("programme:programme_detail", args=[meeting.programme_id]))
    row = next(m for m in response.context["meetings"] if m.pk == meeting.pk)
    assert row.attendance_present == 2
    assert row.preparations_done == 1
    assert row.agenda_count == meeting.agenda_items.count()


def test_participant_programme_page_lists_only_their_meetings_in_fixed_queries(
    client, programme, kickoff, enrolled_advisor, django_assert_max_num_queries
):
    client.force_login(enrolled_advisor)
    url = reverse("programme:programme_detail", args=[programme.pk])
    with django_assert_max_num_queries(20) as seven:
        response = client.get(url)
    assert kickoff not in response.context["meetings"]  # companies only
    assert len(response.context["meetings"]) == 6
    _more_meetings(programme, 63)
    with django_assert_max_num_queries(20) as seventy:
        client.get(url)
    assert len(seven.captured_queries) == len(seventy.captured_queries)
