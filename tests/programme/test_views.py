"""Programme pages: scoping (404 outside), forms keep input, participants' views."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from programme import services
from programme.forms import MAX_MATERIAL_BYTES
from programme.models import AgendaItem, Meeting, PreparationStatus, Programme

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


def test_agenda_item_with_wrong_file_type_or_too_big_is_refused(client, facilitator, meeting):
    client.force_login(facilitator)
    url = reverse("programme:agenda_item_create", args=[meeting.pk])
    base = {"title": "Oplæg med slides", "kind": "presentation", "duration_minutes": "30"}
    program = SimpleUploadedFile(
        "virus.exe", b"MZ\x90\x00", content_type="application/octet-stream"
    )
    response = client.post(url, {**base, "material": program})
    assert "material" in response.context["form"].errors
    assert 'value="Oplæg med slides"' in response.text
    renamed = SimpleUploadedFile(
        "slides.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    assert "material" in client.post(url, {**base, "material": renamed}).context["form"].errors
    big = SimpleUploadedFile(
        "stor.pdf", b"%PDF" + b"0" * MAX_MATERIAL_BYTES, content_type="application/pdf"
    )
    assert "material" in client.post(url, {**base, "material": big}).context["form"].errors
    good = SimpleUploadedFile("slides.pdf", b"%PDF-1.7 ok", content_type="application/pdf")
    assert client.post(url, {**base, "material": good}).status_code == 302
    assert AgendaItem.objects.filter(meeting=meeting, title="Oplæg med slides").count() == 1


def test_zero_minute_item_gets_a_message(client, facilitator, meeting):
    client.force_login(facilitator)
    response = client.post(
        reverse("programme:agenda_item_create", args=[meeting.pk]),
        {"title": "Ingenting", "kind": "other", "duration_minutes": "0"},
    )
    assert "duration_minutes" in response.context["form"].errors


def test_move_and_reorder_through_the_views(client, facilitator, meeting):
    client.force_login(facilitator)
    items = list(meeting.agenda_items.order_by("position"))
    client.post(reverse("programme:agenda_item_move", args=[items[1].pk]), {"direction": "up"})
    assert meeting.agenda_items.order_by("position").first().pk == items[1].pk
    ids = [str(i.pk) for i in reversed(items)]
    response = client.post(
        reverse("programme:agenda_reorder", args=[meeting.pk]),
        {"item": ids},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert [
        str(pk) for pk in meeting.agenda_items.order_by("position").values_list("pk", flat=True)
    ] == ids


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


def test_agenda_material_is_served_only_to_participants(
    client, facilitator, meeting, owner, outsider
):
    item = meeting.agenda_items.first()
    services.agenda_item_save(
        meeting=meeting,
        item=item,
        material=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 hemmelig plan"),
    )
    url = reverse("programme:agenda_item_material", args=[item.pk])
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 hemmelig plan"
    assert "no-store" in response["Cache-Control"]
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    # The upload folder is not exposed as static media.
    assert client.get("/media/" + item.material.name).status_code == 404


def test_agenda_item_by_start_and_end(client, facilitator, meeting):
    client.force_login(facilitator)
    url = reverse("programme:agenda_item_create", args=[meeting.pk])
    response = client.post(
        url,
        {"title": "Frokost", "kind": "break", "fixed_start": "12:00", "end_time": "11:30"},
    )
    assert response.status_code == 200
    assert "end_time" in response.context["form"].errors
    assert 'value="Frokost"' in response.text
    assert (
        "fixed_start"
        in client.post(url, {"title": "Uden start", "kind": "break", "end_time": "11:30"})
        .context["form"]
        .errors
    )
    assert (
        "duration_minutes"
        in client.post(url, {"title": "Uden tid", "kind": "break"}).context["form"].errors
    )
    ok = client.post(
        url, {"title": "Frokost", "kind": "break", "fixed_start": "12:00", "end_time": "12:25"}
    )
    assert ok.status_code == 302
    assert AgendaItem.objects.get(meeting=meeting, title="Frokost").duration_minutes == 25


def test_overview_counts_are_exact(client, facilitator, meeting, owner, enrolled_advisor, company):
    """Attendance, preparations and agenda items are counted once each, not multiplied."""
    services.meeting_update(meeting=meeting, preparation_task="Forbered et dilemma")
    services.attendance_record(
        meeting=meeting,
        present_user_ids={owner.pk, enrolled_advisor.pk},
        participant_ids={owner.pk, enrolled_advisor.pk},
    )
    services.preparation_submit(
        meeting=meeting, organisation=company, user=owner, text="Klar", done=True
    )
    client.force_login(facilitator)
    response = client.get(reverse("programme:programme_detail", args=[meeting.programme_id]))
    row = next(m for m in response.context["meetings"] if m.pk == meeting.pk)
    assert row.attendance_present == 2
    assert row.preparations_done == 1
    assert row.agenda_count == meeting.agenda_items.count()


def test_advisor_owning_an_unenrolled_company_still_cannot_see_the_kickoff(
    client, kickoff, enrolled_advisor
):
    from bifrost.accounts.models import Membership, Role
    from tests.factories import OrganisationFactory

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


def test_missing_material_file_is_404_not_500(client, facilitator, meeting):
    item = meeting.agenda_items.first()
    AgendaItem.objects.filter(pk=item.pk).update(material="agenda/2027/gone.pdf")
    client.force_login(facilitator)
    assert client.get(reverse("programme:agenda_item_material", args=[item.pk])).status_code == 404


def test_removing_an_item_removes_its_file(
    client, facilitator, meeting, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    item = meeting.agenda_items.first()
    services.agenda_item_save(
        meeting=meeting, item=item, material=SimpleUploadedFile("x.pdf", b"%PDF-1.7")
    )
    name = item.material.name
    assert default_storage.exists(name)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("programme:agenda_item_delete", args=[item.pk]))
    assert not default_storage.exists(name)


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
