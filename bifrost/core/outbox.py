"""Sending the outbox: one e-mail at most once, retried with back-off until sent or
given up. Called by the tasks in `bifrost.core.tasks`."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Case, F, TextField, Value, When
from django.utils import timezone

from bifrost.core import emails
from bifrost.core.models import OutboxEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
#: A row claimed longer ago than this lost its sender (worker killed mid-send).
INTERRUPTED_AFTER = timedelta(minutes=10)
SWEEP_BATCH = 200
#: Sent and given-up e-mails are kept this long (for staff to answer "did it go
#: out?"), then deleted: they hold addresses and names.
KEEP_FOR = timedelta(days=30)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, … minutes after each failed attempt, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


#: What the body of an e-mail with a one-time link says once it is finished.
REMOVED_BODY = "(removed after sending: it held a one-time link)"


def _finished_body() -> Case:
    """The body of a finished e-mail (sent, given up, interrupted), as SQL for one row
    or many: replaced if it held a one-time link, otherwise kept."""
    return Case(
        When(holds_secret=True, then=Value(REMOVED_BODY)),
        default=F("body"),
        output_field=TextField(),
    )


def _finished_fields(email: OutboxEmail, fields: list[str]) -> list[str]:
    """`fields` to save for a finished e-mail, with its body (`_finished_body`) only
    when it held a link: rewriting an unchanged body would be a needless write."""
    if not email.holds_secret:
        return fields
    email.body = _finished_body()
    return [*fields, "body"]


def _claim(pk: int) -> OutboxEmail | None:
    with transaction.atomic():
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=OutboxEmail.Status.PENDING, next_attempt_at__lte=timezone.now())
            .first()
        )
        if email is None:
            return None  # sent, being sent by someone else, given up, or not due yet
        email.status = OutboxEmail.Status.SENDING
        email.claimed_at = timezone.now()
        email.attempts += 1
        email.save(update_fields=["status", "claimed_at", "attempts"])
    return email


def send_one(pk: int) -> str:
    """Send e-mail `pk` if it is due; returns its status afterwards (or "skipped")."""
    email = _claim(pk)
    if email is None:
        return "skipped"
    try:
        emails.deliver(to=list(email.to), subject=email.subject, body=email.body)
    except Exception as error:  # the server refused or could not be reached: not sent
        gave_up = email.attempts >= MAX_ATTEMPTS
        email.status = OutboxEmail.Status.FAILED if gave_up else OutboxEmail.Status.PENDING
        email.next_attempt_at = timezone.now() + backoff(email.attempts)
        email.last_error = f"{type(error).__name__}: {error}"[:300]
        fields = ["status", "next_attempt_at", "last_error"]
        # A retry needs the body; only an e-mail given up has finished with it.
        email.save(update_fields=_finished_fields(email, fields) if gave_up else fields)
        logger.warning("e-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        return email.status
    email.status = OutboxEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=_finished_fields(email, ["status", "sent_at", "last_error"]))
    return email.status


def sweep() -> int:
    """Send every due e-mail; mark rows whose sender died mid-send. Returns how many sent."""
    now = timezone.now()
    OutboxEmail.objects.filter(
        status=OutboxEmail.Status.SENDING, claimed_at__lt=now - INTERRUPTED_AFTER
    ).update(
        status=OutboxEmail.Status.FAILED,
        last_error="interrupted while sending: it may or may not have arrived",
        body=_finished_body(),
    )
    due = OutboxEmail.objects.filter(
        status=OutboxEmail.Status.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    sent = 0
    for pk in list(due.values_list("pk", flat=True)[:SWEEP_BATCH]):
        sent += send_one(pk) == OutboxEmail.Status.SENT
    return sent


def purge(*, now=None) -> int:
    """Delete finished e-mails older than `KEEP_FOR`; returns how many."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    deleted, _ = OutboxEmail.objects.filter(
        status__in=[OutboxEmail.Status.SENT, OutboxEmail.Status.FAILED], created_at__lt=cutoff
    ).delete()
    return deleted
