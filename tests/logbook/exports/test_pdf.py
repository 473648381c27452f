"""Logbook PDF export: one row and one task per version, an idempotent task with a
deterministic file, progress and failures recorded, entries filtered and grouped, files
purged after 7 days by the core's purge of every registered export kind."""

import datetime
import io
from datetime import timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.translation import gettext

from bifrost.core.exports import kinds
from bifrost.core.tasks import purge_exports
from logbook.exports import grouping, pdf, selectors, services
from logbook.exports.pdf import LOGBOOK_PDF
from logbook.models import CriticalSituation, Entry, EntryComment, LogbookExport, ReadinessCheck
from logbook.tasks import export_pdf
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")


def _files(export: LogbookExport) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "exports" / "logbook"
    prefix = f"logbook-{export.logbook_id}-{export.version[:16]}"
    return sorted(folder.glob(f"{prefix}*")) if folder.exists() else []


def _made(logbook, user, capture, **options) -> LogbookExport:
    """Request the PDF and run the queued task (eager) as the commit would."""
    with capture(execute=True):
        export = services.logbook_export_request(logbook=logbook, user=user, **options)
    export.refresh_from_db()
    return export


def _titles_in(export: LogbookExport) -> list[str]:
    """The headings of the laid-out PDF (its bookmarks), in order."""
    document = pdf.render_document(export, progress=False)

    def walk(nodes):
        for label, _target, children, _state in nodes:
            yield label
            yield from walk(children)

    return list(walk(document.make_bookmark_tree()))


# --- Requesting the export -----------------------------------------------------------


def test_a_double_request_gives_one_row_and_queues_one_task(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_pdf, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            first = services.logbook_export_request(logbook=logbook, user=owner)
        with django_capture_on_commit_callbacks(execute=True):
            second = services.logbook_export_request(logbook=logbook, user=owner)
    assert first.pk == second.pk
    assert LogbookExport.objects.filter(logbook=logbook).count() == 1
    delay.assert_called_once_with(first.pk)


def test_other_options_or_changed_content_give_a_new_version(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_pdf, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            whole = services.logbook_export_request(logbook=logbook, user=owner)
            by_meeting = services.logbook_export_request(
                logbook=logbook, user=owner, grouping=LogbookExport.Grouping.MEETING
            )
            ranged = services.logbook_export_request(
                logbook=logbook, user=owner, date_from=datetime.date(2027, 6, 1)
            )
        EntryComment.objects.create(entry=entries[0], author=owner, text="Ny kommentar")
        with django_capture_on_commit_callbacks(execute=True):
            after_comment = services.logbook_export_request(logbook=logbook, user=owner)
    assert len({whole.pk, by_meeting.pk, ranged.pk, after_comment.pk}) == 4
    assert delay.call_count == 4


def test_a_failed_export_is_queued_again_by_the_next_request(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_pdf, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            export = services.logbook_export_request(logbook=logbook, user=owner)
        LogbookExport.objects.filter(pk=export.pk).update(
            status=LogbookExport.Status.FAILED, error="boom"
        )
        with django_capture_on_commit_callbacks(execute=True):
            again = services.logbook_export_request(logbook=logbook, user=owner)
    assert again.pk == export.pk
    assert delay.call_count == 2
    again.refresh_from_db()
    assert again.status == LogbookExport.Status.PENDING
    assert again.error == ""


def test_a_stale_waiting_export_is_queued_again(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    with mock.patch.object(export_pdf, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            export = services.logbook_export_request(logbook=logbook, user=owner)
        LogbookExport.objects.filter(pk=export.pk).update(
            created_at=timezone.now() - pdf.STALE_AFTER - timedelta(minutes=1)
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.logbook_export_request(logbook=logbook, user=owner)
    assert delay.call_count == 2


def test_the_task_is_routed_to_the_exports_queue_with_time_limits():
    assert settings.CELERY_TASK_ROUTES["logbook.export_pdf"] == {"queue": "exports"}
    assert export_pdf.time_limit and export_pdf.soft_time_limit
    assert export_pdf.soft_time_limit < export_pdf.time_limit


# --- The task ------------------------------------------------------------------------


def test_the_task_makes_a_pdf_with_the_entries(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    export = _made(logbook, owner, django_capture_on_commit_callbacks)
    assert export.status == LogbookExport.Status.DONE
    assert export.progress == 100
    assert export.pages and export.pages >= 3
    assert export.finished_at is not None
    assert export.file.name == pdf.file_name(export)
    with default_storage.open(export.file.name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    titles = _titles_in(export)
    for entry in entries:
        assert entry.title in titles


def test_a_retried_task_leaves_one_file_with_the_deterministic_name(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(export_pdf, "delay"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        export = services.logbook_export_request(logbook=logbook, user=owner)
    # A leftover file of the same name from a run that died before marking the row.
    name = pdf.file_name(export)
    default_storage.save(name, io.BytesIO(b"half a file"))
    assert LOGBOOK_PDF.build(export.pk) == LogbookExport.Status.DONE
    # The broker redelivers the task: nothing more is written.
    assert LOGBOOK_PDF.build(export.pk) == LogbookExport.Status.DONE
    export.refresh_from_db()
    assert export.file.name == name
    assert [path.name for path in _files(export)] == [Path(name).name]
    with default_storage.open(name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_progress_is_recorded_while_rendering(logbook, owner, entries):
    export = LogbookExport.objects.create(logbook=logbook, version="v" * 64, requested_by=owner)
    seen = []
    original = pdf._progress

    def spy(export_id, value):
        original(export_id, value)
        seen.append(LogbookExport.objects.get(pk=export_id).progress)

    with mock.patch.object(pdf, "_progress", side_effect=spy):
        LOGBOOK_PDF.build(export.pk)
    assert seen == sorted(seen)
    assert seen and 0 < seen[0] < 100
    export.refresh_from_db()
    assert (export.status, export.progress) == (LogbookExport.Status.DONE, 100)


def test_a_failure_is_recorded_with_a_clear_message(logbook, owner, entries, english):
    export = LogbookExport.objects.create(logbook=logbook, version="f" * 64, requested_by=owner)
    with (
        mock.patch.object(pdf, "render_pdf", side_effect=MemoryError("out of memory")),
        pytest.raises(MemoryError),
    ):
        LOGBOOK_PDF.build(export.pk)
    export.refresh_from_db()
    assert export.status == LogbookExport.Status.FAILED
    assert "PDF could not be made" in export.error
    assert "MemoryError" in export.error
    assert not _files(export)


def test_a_failing_task_in_eager_mode_marks_the_row_failed(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    with mock.patch.object(pdf, "render_pdf", side_effect=ValueError("bad")):
        export = _made(logbook, owner, django_capture_on_commit_callbacks)
    assert export.status == LogbookExport.Status.FAILED
    assert export.error


# --- Content: range, grouping, charts ------------------------------------------------


def test_a_date_range_keeps_only_entries_in_it(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    export = _made(
        logbook,
        owner,
        django_capture_on_commit_callbacks,
        date_from=datetime.date(2027, 6, 1),
        date_to=datetime.date(2027, 6, 30),
    )
    assert export.status == LogbookExport.Status.DONE
    titles = _titles_in(export)
    assert "Fast ugentligt tjek-ind" in titles
    assert "Travlhed i redaktionen" not in titles
    assert "Hvad hjælper os" not in titles


def test_deleted_entries_are_left_out(logbook, owner, entries):
    Entry.objects.filter(pk=entries[0].pk).update(deleted_at=timezone.now())
    assert [e.pk for e in selectors.entries(logbook)] == [entries[1].pk, entries[2].pk]


def test_grouping_by_meeting_period(logbook, owner, programme):
    meetings = list(programme.meetings.exclude(status="cancelled").order_by("starts_at"))
    first, second = meetings[0], meetings[1]
    first_day = timezone.localtime(first.starts_at, CPH).date()
    second_day = timezone.localtime(second.starts_at, CPH).date()
    before = EntryFactory(
        logbook=logbook, author=owner, entry_date=first_day - timedelta(days=1), title="Før"
    )
    on_meeting_day = EntryFactory(
        logbook=logbook, author=owner, entry_date=first_day, title="På mødedagen"
    )
    between = EntryFactory(
        logbook=logbook, author=owner, entry_date=second_day - timedelta(days=1), title="Mellem"
    )
    after_second = EntryFactory(
        logbook=logbook, author=owner, entry_date=second_day, title="Efter andet"
    )
    groups = grouping.group_by_meeting_period(
        list(selectors.entries(logbook)), selectors.meetings(logbook)
    )
    assert [[e.pk for e in g.entries] for g in groups] == [
        [before.pk],
        [on_meeting_day.pk, between.pk],
        [after_second.pk],
    ]
    assert first.title in groups[1].title and second.title in groups[1].title


def test_the_meeting_grouping_shows_in_the_pdf(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    export = _made(
        logbook, owner, django_capture_on_commit_callbacks, grouping=LogbookExport.Grouping.MEETING
    )
    assert export.status == LogbookExport.Status.DONE
    titles = _titles_in(export)
    groups = pdf.pdf_context(export)["groups"]
    assert len(groups) >= 2
    for group in groups:
        assert group.title in titles
    for entry in entries:
        assert entry.title in titles


def test_grouping_by_kind_follows_the_kinds_in_order(logbook, owner, entries):
    groups = grouping.group_by_kind(list(selectors.entries(logbook)))
    assert [g.key for g in groups] == ["problem_focus", "initiative", "reflection"]


def test_the_pdf_has_readiness_and_critical_situations(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    ReadinessCheck.objects.create(
        logbook=logbook,
        taken_on=datetime.date(2027, 6, 1),
        scores=dict.fromkeys(
            ["engagement", "expectations", "realism", "options", "considerations", "acceptance"],
            3,
        ),
        note="Første måling",
    )
    CriticalSituation.objects.create(
        logbook=logbook,
        occurred_on=datetime.date(2027, 6, 5),
        trigger=CriticalSituation.Trigger.WORK_PRESSURE,
        what_happened="Tre deadlines på én dag",
    )
    export = _made(logbook, owner, django_capture_on_commit_callbacks)
    context = pdf.pdf_context(export)
    assert "<svg" in context["readiness_chart"]
    assert len(context["critical_situations"]) == 1
    titles = _titles_in(export)
    with translation.override(settings.LANGUAGE_CODE):
        assert gettext("Retention readiness") in titles
        assert gettext("Critical situations") in titles


def test_markdown_is_sanitised_in_the_pdf(logbook, owner):
    entry = EntryFactory(
        logbook=logbook,
        author=owner,
        body="Tekst <script>alert(1)</script> og <img src=https://example.com/x.png>",
    )
    export = LogbookExport.objects.create(logbook=logbook, version="m" * 64, requested_by=owner)
    context = pdf.pdf_context(export)
    html = context["groups"][0].entries[0].body_html
    assert entry.pk == context["groups"][0].entries[0].pk
    assert "<script" not in html and "<img" not in html


def test_the_pdf_data_is_loaded_in_a_fixed_number_of_queries(
    logbook, owner, enrolled_advisor, django_assert_max_num_queries
):
    def make(n):
        for i in range(n):
            entry = EntryFactory(logbook=logbook, author=owner, title=f"Notat {i}")
            EntryComment.objects.create(entry=entry, author=enrolled_advisor, text="God idé")

    make(10)
    export = LogbookExport.objects.create(logbook=logbook, version="q" * 64, requested_by=owner)
    with django_assert_max_num_queries(12) as small:
        pdf.pdf_context(export)
    make(200)
    with django_assert_max_num_queries(len(small.captured_queries)):
        pdf.pdf_context(export)


# --- Purge ---------------------------------------------------------------------------


def test_exports_older_than_7_days_are_purged_with_their_files(
    logbook, owner, entries, django_capture_on_commit_callbacks
):
    old = _made(logbook, owner, django_capture_on_commit_callbacks)
    recent = _made(
        logbook, owner, django_capture_on_commit_callbacks, grouping=LogbookExport.Grouping.MEETING
    )
    LogbookExport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=7, minutes=1)
    )
    assert _files(old)
    assert LOGBOOK_PDF.purge() == 1
    assert not LogbookExport.objects.filter(pk=old.pk).exists()
    assert not _files(old)
    assert LogbookExport.objects.filter(pk=recent.pk).exists()
    assert _files(recent)


def test_purge_with_an_explicit_now(logbook, owner):
    LogbookExport.objects.create(logbook=logbook, version="p" * 64, requested_by=owner)
    assert LOGBOOK_PDF.purge(now=timezone.now() + timedelta(days=6)) == 0
    assert LOGBOOK_PDF.purge(now=timezone.now() + timedelta(days=8)) == 1


def test_the_hourly_purge_task_removes_old_exports(logbook, owner):
    """The core's scheduled `core.purge_exports` purges every registered kind."""
    old = LogbookExport.objects.create(logbook=logbook, version="t" * 64, requested_by=owner)
    LogbookExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    purge_exports.delay()
    assert not LogbookExport.objects.filter(pk=old.pk).exists()


def test_the_pdf_is_a_registered_export_kind_kept_7_days():
    assert LOGBOOK_PDF in kinds.registered()
    assert LOGBOOK_PDF.task == "logbook.export_pdf"
    assert LOGBOOK_PDF.keep_for == timedelta(days=7)
    assert settings.CELERY_BEAT_SCHEDULE["purge-exports"]["task"] == "core.purge_exports"
