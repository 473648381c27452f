"""Agenda PDF: made once per agenda version by an idempotent task, shown with progress,
downloadable only by people who may see the meeting."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from bifrost.celery import app as celery_app
from programme import exports, selectors, services
from programme.models import AgendaExport, Enrolment
from programme.tasks import export_agenda_pdf
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _fresh(meeting):
    """The meeting as the views load it (agenda prefetched)."""
    return selectors.meeting_with_agenda(meeting.pk)


def _files_for(export: AgendaExport) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "exports" / "agenda"
    prefix = f"meeting-{export.meeting_id}-{export.version[:16]}"
    return sorted(folder.glob(f"{prefix}*")) if folder.exists() else []


def _made(meeting, user, capture) -> AgendaExport:
    """Request the PDF and run the queued task (eager) as the commit would."""
    with capture(execute=True):
        export = exports.request_agenda_pdf(meeting=_fresh(meeting), user=user)
    export.refresh_from_db()
    return export


@pytest.fixture
def other_owner(db, facilitator):
    """Someone enrolled in a different programme."""
    other = services.programme_create_from_template(
        name="BIFROST 2028",
        description="Andet forløb",
        starts_on=date(2028, 5, 1),
        ends_on=date(2028, 11, 24),
        user=facilitator,
    )
    company = factories.OrganisationFactory(name="Andet Firma ApS")
    Enrolment.objects.create(programme=other, organisation=company)
    return factories.smv_owner(organisation=company)


# --- The service and the task ------------------------------------------------------


def test_the_task_makes_a_pdf(meeting, owner, django_capture_on_commit_callbacks):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    assert export.status == AgendaExport.Status.DONE
    assert export.progress == 100
    assert export.finished_at is not None
    assert export.requested_by == owner
    assert export.file.name == exports.file_name(export)
    with default_storage.open(export.file.name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_double_request_gives_one_export_and_queues_one_task(
    meeting, owner, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = exports.request_agenda_pdf(meeting=_fresh(meeting), user=owner)
        second = exports.request_agenda_pdf(meeting=_fresh(meeting), user=facilitator)
    assert first.pk == second.pk
    assert AgendaExport.objects.filter(meeting=meeting).count() == 1
    assert len(callbacks) == 1


def test_a_finished_export_is_reused_without_a_new_task(
    meeting, owner, django_capture_on_commit_callbacks
):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks() as callbacks:
        again = exports.request_agenda_pdf(meeting=_fresh(meeting), user=owner)
    assert again.pk == export.pk
    assert callbacks == []


def test_a_retried_build_leaves_one_file(meeting, owner, django_capture_on_commit_callbacks):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    # A second delivery of the same task returns at once…
    assert exports.build_agenda_pdf(export.pk) == AgendaExport.Status.DONE
    # …and one that runs again after the file was written but before "done" was
    # recorded (worker killed in between) overwrites that file.
    AgendaExport.objects.filter(pk=export.pk).update(status=AgendaExport.Status.RUNNING)
    export_agenda_pdf.delay(export.pk)
    export.refresh_from_db()
    assert export.status == AgendaExport.Status.DONE
    files = _files_for(export)
    assert [f.name for f in files] == [Path(exports.file_name(export)).name]


def test_a_changed_agenda_gets_a_new_version_and_export(
    meeting, owner, django_capture_on_commit_callbacks
):
    first = _made(meeting, owner, django_capture_on_commit_callbacks)
    item = meeting.agenda_items.first()
    services.agenda_item_save(meeting=meeting, item=item, title="Ny titel på punktet")
    assert exports.agenda_version(_fresh(meeting)) != first.version
    second = _made(meeting, owner, django_capture_on_commit_callbacks)
    assert second.pk != first.pk
    assert second.status == AgendaExport.Status.DONE
    assert second.file.name != first.file.name
    assert AgendaExport.objects.filter(meeting=meeting).count() == 2


def test_the_version_ignores_what_the_pdf_does_not_show(meeting):
    before = exports.agenda_version(_fresh(meeting))
    item = meeting.agenda_items.first()
    services.agenda_item_notes(item=item, notes="Noter fra mødet")
    assert exports.agenda_version(_fresh(meeting)) == before


def test_a_failed_export_can_be_requested_again(
    meeting, owner, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(export):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(exports, "_render", broken)
    failed = _made(meeting, owner, django_capture_on_commit_callbacks)
    assert failed.status == AgendaExport.Status.FAILED
    assert "layout exploded" in failed.error
    assert not failed.file
    monkeypatch.undo()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = exports.request_agenda_pdf(meeting=_fresh(meeting), user=owner)
    assert len(callbacks) == 1
    again.refresh_from_db()
    assert again.pk == failed.pk
    assert again.status == AgendaExport.Status.DONE
    assert again.error == ""


def test_a_failing_build_marks_the_export_and_reraises(meeting, owner, monkeypatch):
    export = AgendaExport.objects.create(
        meeting=meeting, version=exports.agenda_version(_fresh(meeting))
    )
    monkeypatch.setattr(exports, "_render", lambda export: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        exports.build_agenda_pdf(export.pk)
    export.refresh_from_db()
    assert export.status == AgendaExport.Status.FAILED
    assert export.error.startswith("ZeroDivisionError")


def test_a_done_export_whose_file_is_gone_is_made_again(
    meeting, owner, django_capture_on_commit_callbacks
):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    default_storage.delete(export.file.name)
    again = _made(meeting, owner, django_capture_on_commit_callbacks)
    assert again.pk == export.pk
    assert again.status == AgendaExport.Status.DONE
    assert default_storage.exists(again.file.name)


def test_a_long_waiting_export_is_queued_again(meeting, owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():  # the task is "lost": never run
        export = exports.request_agenda_pdf(meeting=_fresh(meeting), user=owner)
    with django_capture_on_commit_callbacks() as callbacks:
        exports.request_agenda_pdf(meeting=_fresh(meeting), user=owner)
    assert callbacks == []  # still recent: wait for the queued task
    AgendaExport.objects.filter(pk=export.pk).update(
        created_at=timezone.now() - exports.STALE_AFTER - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks() as callbacks:
        exports.request_agenda_pdf(meeting=_fresh(meeting), user=owner)
    assert len(callbacks) == 1


def test_old_exports_are_purged_with_their_files(
    meeting, owner, django_capture_on_commit_callbacks
):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    assert exports.purge_old_agenda_exports() == 0
    later = timezone.now() + exports.KEEP_FOR + timedelta(hours=1)
    assert exports.purge_old_agenda_exports(now=later) == 1
    assert not AgendaExport.objects.filter(pk=export.pk).exists()
    assert _files_for(export) == []


def test_the_task_is_routed_to_the_exports_queue_with_short_limits():
    assert export_agenda_pdf.name == "programme.export_agenda_pdf"
    assert export_agenda_pdf.time_limit == 300
    assert export_agenda_pdf.soft_time_limit == 270
    assert export_agenda_pdf.acks_late is True
    route = celery_app.amqp.router.route({}, export_agenda_pdf.name)
    assert route["queue"].name == "exports"


# --- The pages ------------------------------------------------------------------------


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

    exports.build_agenda_pdf(export.pk)
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
    monkeypatch.setattr(exports, "_render", lambda export: 1 / 0)
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
        meeting=meeting, version=exports.agenda_version(_fresh(meeting))
    )
    client.force_login(owner)
    url = reverse("programme:agenda_pdf_download", args=[export.pk])
    assert client.get(url).status_code == 404


def test_outsider_gets_404_everywhere(
    client, meeting, owner, outsider, django_capture_on_commit_callbacks
):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
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
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
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
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    client.force_login(facilitator)
    response = client.get(reverse("programme:agenda_pdf_download", args=[export.pk]))
    assert response.status_code == 200


def test_a_status_page_of_an_old_agenda_offers_a_new_pdf(
    client, meeting, owner, django_capture_on_commit_callbacks
):
    export = _made(meeting, owner, django_capture_on_commit_callbacks)
    services.agenda_item_save(
        meeting=meeting, item=meeting.agenda_items.first(), title="Ændret punkt"
    )
    client.force_login(owner)
    page = client.get(reverse("programme:agenda_pdf_status", args=[export.pk])).content.decode()
    assert page.count(f'action="{reverse("programme:agenda_pdf", args=[meeting.pk])}"') == 1
