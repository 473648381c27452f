"""Agenda PDF: made once per agenda version by an idempotent task, purged after its
retention by the scheduled purge of every export kind."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from bifrost.core.exports import kinds
from bifrost.core.tasks import purge_exports
from programme.agenda import services as agenda_services
from programme.exports import agenda, services
from programme.exports.tasks import export_agenda_pdf
from programme.models import AgendaExport
from tests.programme.exports.helpers import files_for, fresh, made

pytestmark = pytest.mark.django_db


def test_the_task_makes_a_pdf(meeting, owner, django_capture_on_commit_callbacks):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    assert export.status == AgendaExport.Status.DONE
    assert export.progress == 100
    assert export.finished_at is not None
    assert export.requested_by == owner
    assert export.file.name == agenda.file_name(export)
    with default_storage.open(export.file.name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_double_request_gives_one_export_and_queues_one_task(
    meeting, owner, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = services.agenda_pdf_request(meeting=fresh(meeting), user=owner)
        second = services.agenda_pdf_request(meeting=fresh(meeting), user=facilitator)
    assert first.pk == second.pk
    assert AgendaExport.objects.filter(meeting=meeting).count() == 1
    assert len(callbacks) == 1


def test_a_finished_export_is_reused_without_a_new_task(
    meeting, owner, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks() as callbacks:
        again = services.agenda_pdf_request(meeting=fresh(meeting), user=owner)
    assert again.pk == export.pk
    assert callbacks == []


def test_a_retried_build_leaves_one_file(meeting, owner, django_capture_on_commit_callbacks):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    # A second delivery of the same task returns at once…
    assert services.agenda_pdf_build(export_id=export.pk) == AgendaExport.Status.DONE
    # …and one that runs again after the file was written but before "done" was
    # recorded (worker killed in between) overwrites that file.
    AgendaExport.objects.filter(pk=export.pk).update(status=AgendaExport.Status.RUNNING)
    export_agenda_pdf.delay(export.pk)
    export.refresh_from_db()
    assert export.status == AgendaExport.Status.DONE
    files = files_for(export)
    assert [f.name for f in files] == [Path(agenda.file_name(export)).name]


def test_a_changed_agenda_gets_a_new_version_and_export(
    meeting, owner, django_capture_on_commit_callbacks
):
    first = made(meeting, owner, django_capture_on_commit_callbacks)
    item = meeting.agenda_items.first()
    agenda_services.agenda_item_save(meeting=meeting, item=item, title="Ny titel på punktet")
    assert agenda.agenda_version(fresh(meeting)) != first.version
    second = made(meeting, owner, django_capture_on_commit_callbacks)
    assert second.pk != first.pk
    assert second.status == AgendaExport.Status.DONE
    assert second.file.name != first.file.name
    assert AgendaExport.objects.filter(meeting=meeting).count() == 2


def test_the_version_ignores_what_the_pdf_does_not_show(meeting):
    before = agenda.agenda_version(fresh(meeting))
    item = meeting.agenda_items.first()
    agenda_services.agenda_item_notes(item=item, notes="Noter fra mødet")
    assert agenda.agenda_version(fresh(meeting)) == before


def test_a_failed_export_can_be_requested_again(
    meeting, owner, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(export):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(agenda, "agenda_html", broken)
    failed = made(meeting, owner, django_capture_on_commit_callbacks)
    assert failed.status == AgendaExport.Status.FAILED
    assert "layout exploded" in failed.error
    assert not failed.file
    monkeypatch.undo()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = services.agenda_pdf_request(meeting=fresh(meeting), user=owner)
    assert len(callbacks) == 1
    again.refresh_from_db()
    assert again.pk == failed.pk
    assert again.status == AgendaExport.Status.DONE
    assert again.error == ""


def test_a_failing_build_marks_the_export_and_reraises(meeting, owner, monkeypatch):
    export = AgendaExport.objects.create(
        meeting=meeting, version=agenda.agenda_version(fresh(meeting))
    )
    monkeypatch.setattr(agenda, "agenda_html", lambda export: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        services.agenda_pdf_build(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == AgendaExport.Status.FAILED
    assert export.error.startswith("ZeroDivisionError")


def test_a_done_export_whose_file_is_gone_is_made_again(
    meeting, owner, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    default_storage.delete(export.file.name)
    again = made(meeting, owner, django_capture_on_commit_callbacks)
    assert again.pk == export.pk
    assert again.status == AgendaExport.Status.DONE
    assert default_storage.exists(again.file.name)


def test_a_long_waiting_export_is_queued_again(meeting, owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():  # the task is "lost": never run
        export = services.agenda_pdf_request(meeting=fresh(meeting), user=owner)
    with django_capture_on_commit_callbacks() as callbacks:
        services.agenda_pdf_request(meeting=fresh(meeting), user=owner)
    assert callbacks == []  # still recent: wait for the queued task
    AgendaExport.objects.filter(pk=export.pk).update(
        created_at=timezone.now() - agenda.STALE_AFTER - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks() as callbacks:
        services.agenda_pdf_request(meeting=fresh(meeting), user=owner)
    assert len(callbacks) == 1


def test_old_exports_are_purged_with_their_files(
    meeting, owner, django_capture_on_commit_callbacks
):
    export = made(meeting, owner, django_capture_on_commit_callbacks)
    assert agenda.AGENDA_PDF.purge() == 0
    later = timezone.now() + agenda.KEEP_FOR + timedelta(hours=1)
    assert agenda.AGENDA_PDF.purge(now=later) == 1
    assert not AgendaExport.objects.filter(pk=export.pk).exists()
    assert files_for(export) == []


def test_the_scheduled_purge_removes_old_agenda_pdfs_and_keeps_fresh_ones(
    meeting, kickoff, owner, facilitator, django_capture_on_commit_callbacks
):
    """The agenda PDF is a registered export kind, so `core.purge_exports` (scheduled
    by the beat) removes an export older than its 7 days with its file."""
    assert "purge-exports" in settings.CELERY_BEAT_SCHEDULE
    assert agenda.AGENDA_PDF in kinds.registered()
    old = made(meeting, owner, django_capture_on_commit_callbacks)
    fresh_export = made(kickoff, facilitator, django_capture_on_commit_callbacks)
    AgendaExport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - agenda.KEEP_FOR - timedelta(hours=1)
    )
    assert files_for(old) and files_for(fresh_export)

    assert purge_exports.delay().get() == 1

    assert not AgendaExport.objects.filter(pk=old.pk).exists()
    assert files_for(old) == []
    assert AgendaExport.objects.filter(pk=fresh_export.pk).exists()
    assert default_storage.exists(fresh_export.file.name)
