"""The shared request-and-build cycle of the exports (`bifrost.core.exports.jobs`),
tried on the agenda export model with a fake renderer and a fake task."""

from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from bifrost.core.exports import jobs as pdf_jobs
from bifrost.core.pdf import refuse_url
from programme.models import AgendaExport
from programme.programmes import services

pytestmark = pytest.mark.django_db

KEEP = timedelta(days=7)
STALE = timedelta(minutes=15)


def _name(export: AgendaExport) -> str:
    return f"exports/agenda/test-pdf-jobs-{export.pk}.pdf"


def _failure(error: BaseException) -> str:
    return f"failed: {type(error).__name__}"


@pytest.fixture
def export(facilitator):
    programme = services.programme_create_from_template(
        name="BIFROST 2027",
        description="Forløb",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )
    meeting = programme.meetings.get(number=2)
    return AgendaExport.objects.create(meeting=meeting, version="p" * 64, requested_by=facilitator)


def _build(export, render):
    return pdf_jobs.build(
        AgendaExport,
        export.pk,
        render=render,
        file_name=_name,
        failure_message=_failure,
        start_progress=10,
    )


def test_build_writes_the_file_once_and_marks_the_row_done(export):
    calls = []

    def render(row):
        calls.append(row.progress)
        return b"%PDF-fake"

    assert _build(export, render) == AgendaExport.Status.DONE
    assert _build(export, render) == AgendaExport.Status.DONE  # a redelivered task
    assert calls == [10]
    export.refresh_from_db()
    assert (export.status, export.progress) == (AgendaExport.Status.DONE, 100)
    assert export.file.name == _name(export)
    with default_storage.open(export.file.name, "rb") as handle:
        assert handle.read() == b"%PDF-fake"


def test_build_records_the_failure_message_and_reraises(export):
    def render(row):
        raise MemoryError("too big")

    with pytest.raises(MemoryError):
        _build(export, render)
    export.refresh_from_db()
    assert export.status == AgendaExport.Status.FAILED
    assert export.error == "failed: MemoryError"
    assert not export.file


def test_build_of_a_deleted_row_reports_missing():
    assert _build(AgendaExport(pk=999_999), lambda row: b"") == "missing"


def test_a_done_export_older_than_keep_for_runs_again_only_when_asked(export):
    _build(export, lambda row: b"%PDF-fake")
    AgendaExport.objects.filter(pk=export.pk).update(
        created_at=timezone.now() - KEEP - timedelta(hours=1)
    )
    export.refresh_from_db()
    assert not pdf_jobs.needs_new_run(export, stale_after=STALE)
    assert pdf_jobs.needs_new_run(export, stale_after=STALE, keep_for=KEEP)


def test_a_done_export_whose_file_is_gone_runs_again(export):
    _build(export, lambda row: b"%PDF-fake")
    export.refresh_from_db()
    default_storage.delete(export.file.name)
    assert pdf_jobs.needs_new_run(export, stale_after=STALE)


def test_a_broker_failure_marks_the_waiting_row_failed(export):
    class Broken:
        def delay(self, export_id):
            raise ConnectionError("broker down")

    pdf_jobs.queue(AgendaExport, export.pk, Broken(), _failure)
    export.refresh_from_db()
    assert (export.status, export.error) == (AgendaExport.Status.FAILED, "failed: ConnectionError")


def test_purge_removes_old_rows_and_their_files(export):
    _build(export, lambda row: b"%PDF-fake")
    export.refresh_from_db()
    name = export.file.name
    assert pdf_jobs.purge(AgendaExport, keep_for=KEEP) == 0
    assert pdf_jobs.purge(AgendaExport, keep_for=KEEP, now=timezone.now() + KEEP * 2) == 1
    assert not AgendaExport.objects.filter(pk=export.pk).exists()
    assert not default_storage.exists(name)


def test_the_url_fetcher_refuses_everything():
    with pytest.raises(ValueError, match="refused"):
        refuse_url("https://example.com/font.woff")


def test_a_running_export_whose_heartbeat_stopped_is_queued_again_once(export):
    from bifrost.core.exports.heartbeat import stalled_after

    queued = []
    long_ago = timezone.now() - stalled_after() - timedelta(seconds=5)
    AgendaExport.objects.filter(pk=export.pk).update(
        status=AgendaExport.Status.RUNNING, progress=40, heartbeat_at=long_ago
    )
    fresh = AgendaExport.objects.create(
        meeting=export.meeting,
        version="q" * 64,
        status=AgendaExport.Status.RUNNING,
        heartbeat_at=timezone.now(),
    )
    with_callbacks = pdf_jobs.recover_stalled(AgendaExport, queue_fn=queued.append)
    assert with_callbacks == [export.pk]
    export.refresh_from_db()
    assert export.status == AgendaExport.Status.PENDING
    assert export.restarts == 1
    assert export.progress == 0
    fresh.refresh_from_db()
    assert fresh.status == AgendaExport.Status.RUNNING  # still alive: left alone
    # Nothing stalled any more: a second sweep queues nothing.
    assert pdf_jobs.recover_stalled(AgendaExport, queue_fn=queued.append) == []


def test_building_stamps_the_heartbeat(export):
    def render(row):
        return b"%PDF-1.7 test"

    _build(export, render)
    export.refresh_from_db()
    assert export.heartbeat_at is not None
    assert export.status == AgendaExport.Status.DONE


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_stamps_while_the_build_runs(settings, facilitator):
    import time

    from bifrost.core.exports.heartbeat import Heartbeat

    settings.CELERY_TASK_ALWAYS_EAGER = False
    programme = services.programme_create_from_template(
        name="Hjerteslag",
        description="",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )
    row = AgendaExport.objects.create(
        meeting=programme.meetings.get(number=2), version="h" * 64, status="running"
    )
    with Heartbeat(AgendaExport, row.pk, every=timedelta(seconds=0.1)):
        time.sleep(0.5)
    row.refresh_from_db()
    assert row.heartbeat_at is not None
