"""The e-mail outbox: written with its cause, sent at most once, retried until sent."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from bifrost.core import emails, outbox
from bifrost.core.models import OutboxEmail

pytestmark = pytest.mark.django_db


def _queue(key=None, **kwargs):
    return emails.queue(to=["a@example.com"], subject="Emne", body="Tekst", key=key, **kwargs)


def test_an_email_is_written_with_its_cause_and_sent_after_the_commit(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = _queue(key="cause:1")
        assert mailoutbox == []  # nothing leaves before the commit
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert [m.subject for m in mailoutbox] == ["Emne"]


def test_a_rolled_back_change_sends_nothing_and_leaves_no_row(mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue(key="cause:2")
        raise RuntimeError
    assert not OutboxEmail.objects.exists()
    assert mailoutbox == []


def test_the_same_cause_twice_is_one_email(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _queue(key="reminder:7")
        _queue(key="reminder:7")
    assert OutboxEmail.objects.count() == 1
    assert len(mailoutbox) == 1


def test_broker_down_keeps_the_email_for_the_sweeper(
    monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    from bifrost.core import queue

    class DownTask:
        def delay(self, *args, **kwargs):
            raise ConnectionError("redis down")

    monkeypatch.setattr(queue, "task", lambda name: DownTask())
    with django_capture_on_commit_callbacks(execute=True):
        email = _queue(key="cause:3")  # the request goes on without an error
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.PENDING
    assert mailoutbox == []
    monkeypatch.undo()
    assert outbox.sweep() == 1
    assert outbox.sweep() == 0  # never twice
    assert len(mailoutbox) == 1


def test_a_refusing_mail_server_is_retried_with_back_off_then_given_up(monkeypatch, mailoutbox):
    email = OutboxEmail.objects.create(key="k", to=["a@example.com"], subject="S", body="B")

    def refuse(**kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(emails, "deliver", refuse)
    assert outbox.send_one(email.pk) == OutboxEmail.Status.PENDING
    email.refresh_from_db()
    assert email.attempts == 1
    assert email.next_attempt_at > timezone.now()
    assert "connection refused" in email.last_error
    assert outbox.send_one(email.pk) == "skipped"  # not due yet
    for _ in range(outbox.MAX_ATTEMPTS - 1):
        OutboxEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        outbox.send_one(email.pk)
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert email.attempts == outbox.MAX_ATTEMPTS
    assert mailoutbox == []


def test_a_row_claimed_by_a_sender_that_died_is_never_sent_blindly_again(mailoutbox):
    email = OutboxEmail.objects.create(
        key="k2",
        to=["a@example.com"],
        subject="S",
        body="B",
        status=OutboxEmail.Status.SENDING,
        claimed_at=timezone.now() - outbox.INTERRUPTED_AFTER - timedelta(minutes=1),
    )
    outbox.sweep()
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert "interrupted" in email.last_error
    assert mailoutbox == []


def test_a_sent_email_is_not_sent_again(mailoutbox):
    email = OutboxEmail.objects.create(key="k3", to=["a@example.com"], subject="S", body="B")
    assert outbox.send_one(email.pk) == OutboxEmail.Status.SENT
    assert outbox.send_one(email.pk) == "skipped"
    assert len(mailoutbox) == 1


def test_backoff_grows_and_is_capped():
    assert outbox.backoff(1) == timedelta(minutes=1)
    assert outbox.backoff(3) == timedelta(minutes=4)
    assert outbox.backoff(20) == timedelta(hours=1)


def test_the_sweeper_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"core.sweep_outbox", "core.purge_outbox", "core.purge_exports"} <= tasks


def test_finished_emails_are_deleted_after_30_days_pending_ones_kept():
    old = timezone.now() - outbox.KEEP_FOR - timedelta(days=1)
    for key, status in [("sent", "sent"), ("failed", "failed"), ("pending", "pending")]:
        email = OutboxEmail.objects.create(
            key=key, to=["a@example.com"], subject="S", body="B", status=status
        )
        OutboxEmail.objects.filter(pk=email.pk).update(created_at=old)
    OutboxEmail.objects.create(
        key="new", to=["a@example.com"], subject="S", body="B", status="sent"
    )
    assert outbox.purge() == 2
    assert set(OutboxEmail.objects.values_list("key", flat=True)) == {"pending", "new"}


def test_a_one_time_link_is_removed_from_the_outbox_once_sent(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        secret = _queue(key="reset:1", secret=True)
        plain = _queue(key="notice:1")
        assert secret.body == "Tekst"  # kept until it has gone: the sweeper may need it
    assert [m.body for m in mailoutbox] == ["Tekst", "Tekst"]  # the recipient got it whole
    secret.refresh_from_db()
    plain.refresh_from_db()
    assert secret.body == outbox.REMOVED_BODY
    assert plain.body == "Tekst"


def test_a_one_time_link_is_removed_when_the_email_is_given_up_or_interrupted(monkeypatch):
    given_up = _queue(key="reset:2", secret=True)
    OutboxEmail.objects.filter(pk=given_up.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)
    interrupted = _queue(key="reset:3", secret=True)
    OutboxEmail.objects.filter(pk=interrupted.pk).update(
        status=OutboxEmail.Status.SENDING,
        claimed_at=timezone.now() - outbox.INTERRUPTED_AFTER - timedelta(minutes=1),
    )
    plain = _queue(key="notice:2")
    OutboxEmail.objects.filter(pk=plain.pk).update(
        status=OutboxEmail.Status.SENDING,
        claimed_at=timezone.now() - outbox.INTERRUPTED_AFTER - timedelta(minutes=1),
    )

    def refuse(**kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(emails, "deliver", refuse)
    outbox.sweep()
    bodies = dict(OutboxEmail.objects.values_list("key", "body"))
    statuses = dict(OutboxEmail.objects.values_list("key", "status"))
    assert statuses == {"reset:2": "failed", "reset:3": "failed", "notice:2": "failed"}
    assert bodies == {
        "reset:2": outbox.REMOVED_BODY,
        "reset:3": outbox.REMOVED_BODY,
        "notice:2": "Tekst",
    }


def test_a_failed_attempt_keeps_the_link_for_the_retry(monkeypatch):
    email = _queue(key="reset:4", secret=True)

    def refuse(**kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(emails, "deliver", refuse)
    assert outbox.send_one(email.pk) == OutboxEmail.Status.PENDING
    email.refresh_from_db()
    assert email.body == "Tekst"
