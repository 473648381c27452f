"""Agenda PDF pages: shown with progress, downloadable only by people who may see the
meeting."""

from datetime import date

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from programme.agenda import services as agenda_services
from programme.exports import agenda, services
from programme.models import AgendaExport, Enrolment
from programme.programmes import services as programme_services
from tests import factories
from tests.programme.exports.helpers import HTMX, fresh, made

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_owner(db, facilitator):
    """Someone enrolled in a different programme."""
    other = programme_services.programme_create_from_template(
        name="BIFROST 2028",
        description="Andet forløb",
        starts_on=date(2028, 5, 1),
        ends_on=date(2028, 11, 24),
        user=facilitator,
    )
    company = factories.OrganisationFactory(name="Andet Firma ApS")
    Enrolment.objects.create(programme=other, organisation=company)
    return factories.smv_owner(organisation=company)


def test_the_meeting_page_offers_the_pdf_as_a_post_form(client, meeting, owner):
    client.force_login(owner)
    page = client.get(reverse("programme:meeting", args=[meeting.pk])).content.decode()
    assert f'action="{reverse("programme:agenda_pdf", args=[meeting.pk])}"' in page


def test_request_is_post_only(client, meeting, owner):
    client.force_login(owner)
    assert client.get(reverse("programme:agenda_pdf", args=[meeting.pk])).status_code == 405


def test_status_page_shows_progress_then_the_download_link(
    client, meeting, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks() as callbacks:  # queued, not run yet
        response = client.post(reverse("programme:agenda_pdf", args=[meeting.pk]))
    export = AgendaExport.objects.get(meeting=meeting)
    status_url = reverse("programme:agenda_pdf_status", args=[export.pk])
    download_url = reverse("programme:agenda_pdf_download", args=[export.pk])
    assert response.status_code == 302
    assert response["Location"] == status_url
    assert len(callbacks) == 1

    page = client.get(status_url).content.decode()
    assert "<progress" in page
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="{status_url}"' in page
    assert download_url not in page

    # Running: the fragment alone, with the progress value, still polling.
    AgendaExport.objects.filter(pk=export.pk).update(
        status=AgendaExport.Status.RUNNING, progress=30
    )
    fragment = client.get(status_url, **HTMX).content.decode()
    assert "<html" not in fragment
    assert 'value="30"' in fragment
    assert 'hx-trigger="every 2s"' in fragment

    services.agenda_pdf_build(export_id=export.pk)
    fragment = client.get(status_url, **HTMX).content.decode()
    assert download_url in fragment
    assert "hx-trigger" not in fragment  # polling stops
    assert download_url in client.get(status_url).content.decode()


def test_the_whole_path_through_the_pages(
    client, meeting, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("programme:agenda_pdf", args=[meeting.pk]))
    export = AgendaExport.objects.get(meeting=meeting)
    assert export.status == AgendaExport.Status.DONE
    download_url = reverse("programme:agenda_pdf_download", args=[export.pk])
    assert download_url in client.get(response["Location"]).content.decode()

    download = client.get(download_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "no-store" in download["Cache-Control"]
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_second_click_joins_the_running_export(
    client, meeting, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    url = reverse("programme:agenda_pdf", args=[meeting.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        first = client.post(url)
        second = client.post(url)
    assert first["Location"] == second["Location"]
    assert AgendaExport.objects.filter(meeting=meeting).count() == 1
    assert len(callbacks) == 1


def test_a_failure_shows_on_the_page_with_a_way_to_retry(
    client, meeting, owner, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(agenda, "agenda_html", lambda export: 1 / 0)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        # Eager mode: the task's exception stops at the queueing, no 500 (nor an
        # exception out of the commit hook).
        response = client.post(reverse("programme:agenda_pdf", args=[meeting.pk]))
    assert response.status_code == 302
    assert AgendaExport.objects.get(meeting=meeting).status == AgendaExport.Status.FAILED
    page = client.get(response["Location"]).content.decode()
    assert "hx-trigger" not in page
    assert f'action="{reverse("programme:agenda_pdf", args=[meeting.pk])}"' in page
    assert "ZeroDivisionError" not in page  # the technical error stays in the row


def test_download_is_404_until_done(client, meeting, owner):
    export = AgendaExport.objects.create(
        meeting=meeting, version=agenda.agenda_version(fresh(meeting))
    )
    client.force_login(owner)
    url = reverse("programme:agenda_pdf_download", args=[export.pk])
    assert client.get(url).status_code == 404


def test_outsider_gets_404_everywhere(
    client, meeting, owner, outsider, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    client.force_login(outsider)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("programme:agenda_pdf", args=[meeting.pk]))
    assert response.status_code == 404
    assert callbacks == []
    for url in [
        reverse("programme:agenda_pdf_status", args=[export.pk]),
        reverse("programme:agenda_pdf_download", args=[export.pk]),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.get(url, **HTMX).status_code == 404, url


def test_an_export_is_not_downloadable_from_another_programme(
    client, meeting, owner, other_owner, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    client.force_login(other_owner)
    assert client.get(reverse("programme:agenda_pdf_download", args=[export.pk])).status_code == 404
    assert client.get(reverse("programme:agenda_pdf_status", args=[export.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, meeting):
    response = client.post(reverse("programme:agenda_pdf", args=[meeting.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert not AgendaExport.objects.exists()


def test_facilitator_can_download(
    client, meeting, owner, facilitator, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    client.force_login(facilitator)
    response = client.get(reverse("programme:agenda_pdf_download", args=[export.pk]))
    assert response.status_code == 200


def test_a_status_page_of_an_old_agenda_offers_a_new_pdf(
    client, meeting, owner, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    agenda_services.agenda_item_save(
        meeting=meeting, item=meeting.agenda_items.first(), title="Ændret punkt"
    )
    client.force_login(owner)
    page = client.get(reverse("programme:agenda_pdf_status", args=[export.pk])).content.decode()
    assert page.count(f'action="{reverse("programme:agenda_pdf", args=[meeting.pk])}"') == 1
