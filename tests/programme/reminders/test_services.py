"""Reminder e-mails: planned as rows, sent once by the sweeper, settings per person.

The design is in `programme/reminders/services.py`: one row per (recipient, meeting,
kind), and the sweeper claims a row under `SELECT … FOR UPDATE SKIP LOCKED`, so a
retried task or two sweepers at once never send the same reminder twice.
"""

import threading
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from bifrost.core.models import OutboxEmail
from programme.meetings import services as meeting_services
from programme.models import Enrolment, Meeting, Reminder
from programme.programmes import services as programme_services
from programme.reminders import emails, services
from tests import factories
from tests.programme.reminders.helpers import (
    CPH,
    DAY,
    PREP,
    PREPARATION_TASK,
    WEEK,
    create_programme,
    expected_for,
    meeting_of,
    pending,
    planned_for,
)


@pytest.mark.django_db
def test_planning_creates_one_row_per_recipient_meeting_and_kind(world):
    """7 days and 1 day before each meeting, 2 days before the preparation is due
    (08:00 Copenhagen time); the companies-only kick-off plans nothing for advisors."""
    assert planned_for(world.owner) == expected_for(world, world.owner)
    assert planned_for(world.advisor) == expected_for(world, world.advisor)
    assert len(planned_for(world.owner)) == 7 * 2 + 1
    assert len(planned_for(world.advisor)) == 6 * 2 + 1
    assert not Reminder.objects.filter(meeting=world.kickoff, recipient=world.advisor).exists()
    assert Reminder.objects.filter(meeting=world.kickoff, recipient=world.owner).count() == 2
    # Nobody outside the programme (the facilitator included) gets reminders.
    assert set(Reminder.objects.values_list("recipient", flat=True)) == {
        world.owner.pk,
        world.advisor.pk,
    }


@pytest.mark.django_db
def test_replanning_creates_no_duplicates(world):
    before = sorted(Reminder.objects.values_list("pk", "recipient", "meeting", "kind", "due_at"))
    services.reminders_plan_for_programme(programme_id=world.programme.pk)
    services.reminders_plan_for_programme(programme_id=world.programme.pk)
    for meeting in world.programme.meetings.all():
        services.reminders_plan_for_meeting(meeting_id=meeting.pk)
    after = sorted(Reminder.objects.values_list("pk", "recipient", "meeting", "kind", "due_at"))
    assert after == before
    assert len(after) == 15 + 13


@pytest.mark.django_db
def test_moving_a_meeting_moves_its_pending_reminders(world, django_capture_on_commit_callbacks):
    new_start = world.m1.starts_at + timedelta(days=2, hours=4)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(
            meeting=world.m1, starts_at=new_start, ends_at=new_start + timedelta(hours=3)
        )
    for person in (world.owner, world.advisor):
        planned = planned_for(person)
        assert planned[(world.m1.pk, WEEK)] == new_start - timedelta(days=7)
        assert planned[(world.m1.pk, DAY)] == new_start - timedelta(days=1)
    assert Reminder.objects.filter(meeting=world.m1).count() == 4  # moved, not added


@pytest.mark.django_db
def test_changing_the_preparation_due_date_moves_and_removing_it_skips(
    world, django_capture_on_commit_callbacks
):
    earlier = world.preparation_due - timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(meeting=world.m2, preparation_due=earlier)
    prep = pending(meeting=world.m2, kind=PREP)
    assert {r.due_at for r in prep} == {
        datetime.combine(earlier - timedelta(days=2), time(8, 0), tzinfo=CPH)
    }
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(meeting=world.m2, preparation_task="", preparation_due=None)
    assert not pending(meeting=world.m2, kind=PREP).exists()
    assert set(
        Reminder.objects.filter(meeting=world.m2, kind=PREP).values_list("skip_reason", flat=True)
    ) == {"no preparation task"}
    # A task set again brings the reminder back (the same row: still one per person).
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.meeting_update(
            meeting=world.m2, preparation_task=PREPARATION_TASK, preparation_due=earlier
        )
    assert pending(meeting=world.m2, kind=PREP).count() == 2
    assert Reminder.objects.filter(meeting=world.m2, kind=PREP).count() == 2


@pytest.mark.django_db
def test_send_due_sends_what_is_due_once(world, sweep):
    """At 6 days before meeting 1, its week reminders go out; the kick-off's are
    skipped because that meeting already took place; nothing later is touched."""
    now = world.m1.starts_at - timedelta(days=6)
    assert sweep(now) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.owner.email, world.advisor.email])
    sent = Reminder.objects.filter(status=Reminder.Status.SENT)
    assert {(r.recipient_id, r.meeting_id, r.kind) for r in sent} == {
        (world.owner.pk, world.m1.pk, WEEK),
        (world.advisor.pk, world.m1.pk, WEEK),
    }
    assert all(r.sent_at == now for r in sent)
    kickoff = Reminder.objects.filter(meeting=world.kickoff)
    assert {(r.status, r.skip_reason) for r in kickoff} == {
        (Reminder.Status.SKIPPED, "meeting already started")
    }
    assert pending().count() == 28 - 2 - 2

    # Idempotent: the next sweep, and the same task retried, send nothing more.
    assert sweep(now) == 0
    assert sweep(now + timedelta(minutes=5)) == 0
    for reminder in sent:
        assert services.reminder_send(reminder_id=reminder.pk, now=now) is False
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_not_yet_due_is_not_sent(world, sweep):
    assert sweep(world.m1_week_due - timedelta(seconds=1)) == 0
    assert (
        not Reminder.objects.filter(meeting=world.m1)
        .exclude(status=Reminder.Status.PENDING)
        .exists()
    )
    assert sweep(world.m1_week_due) == 2


@pytest.mark.django_db
def test_a_retried_task_after_a_rolled_back_claim_still_sends_exactly_once(world, sweep):
    """A claim whose transaction rolls back (worker died mid-way) sends nothing and
    leaves the row pending, so the retry sends it, once."""
    reminder = pending(meeting=world.m1, kind=WEEK, recipient=world.owner).get()
    now = world.m1_week_due

    class Crash(Exception):
        pass

    with pytest.raises(Crash), transaction.atomic():
        assert services.reminder_send(reminder_id=reminder.pk, now=now) is True
        raise Crash
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.PENDING
    assert mail.outbox == []
    assert sweep(now) == 2
    assert sweep(now) == 0
    assert Counter(m.to[0] for m in mail.outbox) == {
        world.owner.email: 1,
        world.advisor.email: 1,
    }


@pytest.mark.django_db
def test_everyone_gets_each_reminder_once_over_the_whole_programme(world, sweep):
    """Sweeping at every due time in turn sends all 28 planned reminders, once each."""
    due_times = sorted(set(Reminder.objects.values_list("due_at", flat=True)))
    total = sum(sweep(due_at) for due_at in due_times)
    assert total == 28 == len(mail.outbox)
    assert not Reminder.objects.exclude(status=Reminder.Status.SENT).exists()
    assert Counter(m.to[0] for m in mail.outbox) == {
        world.owner.email: 15,
        world.advisor.email: 13,
    }


@pytest.mark.django_db
def test_nobody_gets_one_after_leaving_the_programme(world, sweep):
    programme_services.enrolment_end(enrolment=world.company_enrolment)
    left = Reminder.objects.filter(recipient=world.owner)
    assert {(r.status, r.skip_reason) for r in left} == {
        (Reminder.Status.SKIPPED, "left the programme")
    }
    assert sweep(world.m1_week_due) == 1
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]


@pytest.mark.django_db
def test_the_sweeper_itself_checks_membership(world, sweep):
    """Even a row still pending (the enrolment ended behind the services' back)
    is skipped at send time."""
    Enrolment.objects.filter(pk=world.company_enrolment.pk).update(left_at=timezone.now())
    assert sweep(world.m1_week_due) == 1
    owner_row = Reminder.objects.get(recipient=world.owner, meeting=world.m1, kind=WEEK)
    assert (owner_row.status, owner_row.skip_reason) == (
        Reminder.Status.SKIPPED,
        "left the programme",
    )
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]


@pytest.mark.django_db
def test_enrolling_again_brings_the_future_reminders_back(
    world, sweep, django_capture_on_commit_callbacks
):
    """A company that leaves and comes back is reminded again (rows are reopened,
    not duplicated); what was already sent is not sent again."""
    assert sweep(world.m1_week_due) == 2
    programme_services.enrolment_end(enrolment=world.company_enrolment)
    with django_capture_on_commit_callbacks(execute=True):
        programme_services.enrolment_add(programme=world.programme, organisation=world.company)
    assert Reminder.objects.filter(recipient=world.owner).count() == 15
    week_m1 = Reminder.objects.get(recipient=world.owner, meeting=world.m1, kind=WEEK)
    assert week_m1.status == Reminder.Status.SENT
    day_m1 = Reminder.objects.get(recipient=world.owner, meeting=world.m1, kind=DAY)
    assert (day_m1.status, day_m1.skip_reason) == (Reminder.Status.PENDING, "")
    assert sweep(world.m1.starts_at - timedelta(days=1)) == 2
    assert Counter(m.to[0] for m in mail.outbox) == {
        world.owner.email: 2,
        world.advisor.email: 2,
    }


@pytest.mark.django_db
def test_no_reminder_for_a_cancelled_meeting(world, sweep):
    meeting_services.meeting_cancel(meeting=world.m1)
    assert {(r.status, r.skip_reason) for r in Reminder.objects.filter(meeting=world.m1)} == {
        (Reminder.Status.SKIPPED, "meeting cancelled")
    }
    services.reminders_plan_for_meeting(meeting_id=world.m1.pk)  # re-planning keeps them skipped
    assert not pending(meeting=world.m1).exists()
    assert sweep(world.m1.starts_at - timedelta(hours=1)) == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_sweeper_skips_a_cancelled_meeting_even_if_rows_are_pending(world, sweep):
    Meeting.objects.filter(pk=world.m1.pk).update(status=Meeting.Status.CANCELLED)
    assert sweep(world.m1_week_due) == 0
    assert set(
        Reminder.objects.filter(meeting=world.m1, kind=WEEK).values_list("skip_reason", flat=True)
    ) == {"meeting cancelled"}
    assert mail.outbox == []


@pytest.mark.django_db
def test_no_reminder_for_a_meeting_that_already_started(world, sweep):
    """A sweeper that was down catches up, but not for meetings already begun."""
    assert sweep(world.m1.starts_at + timedelta(minutes=1)) == 0
    m1_rows = Reminder.objects.filter(meeting=world.m1)
    assert {(r.status, r.skip_reason) for r in m1_rows} == {
        (Reminder.Status.SKIPPED, "meeting already started")
    }
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("flag", "kind", "now_of"),
    [
        ("meeting_week_before", WEEK, lambda w: w.m2.starts_at - timedelta(days=7)),
        ("meeting_day_before", DAY, lambda w: w.m2.starts_at - timedelta(days=1)),
        (
            "preparation_due",
            PREP,
            lambda w: datetime.combine(w.preparation_due - timedelta(days=2), time(8), tzinfo=CPH),
        ),
    ],
)
def test_a_kind_turned_off_is_skipped_with_a_reason(world, sweep, flag, kind, now_of):
    services.reminder_settings_save(user=world.owner, **{flag: False})
    now = now_of(world)
    sweep(now)
    owner_row = Reminder.objects.get(recipient=world.owner, meeting=world.m2, kind=kind)
    advisor_row = Reminder.objects.get(recipient=world.advisor, meeting=world.m2, kind=kind)
    assert (owner_row.status, owner_row.skip_reason) == (
        Reminder.Status.SKIPPED,
        "turned off by the recipient",
    )
    assert advisor_row.status == Reminder.Status.SENT
    # Only that kind is off: the owner's other reminders are pending or sent, and
    # exactly the sent ones were mailed.
    others = Reminder.objects.filter(recipient=world.owner, meeting=world.m2).exclude(kind=kind)
    assert set(others.values_list("status", flat=True)) <= {
        Reminder.Status.PENDING,
        Reminder.Status.SENT,
    }
    owner_sent = Reminder.objects.filter(recipient=world.owner, status=Reminder.Status.SENT)
    assert [m.to[0] for m in mail.outbox].count(world.owner.email) == owner_sent.count()


SWEEPERS = 4


ROUNDS = 5


def _race(now: datetime, sweepers: int) -> tuple[list[int], list[BaseException]]:
    """Start `sweepers` threads at the same instant, each running one sweep on its
    own database connection; return what each sweep reported and any errors."""
    barrier = threading.Barrier(sweepers)
    results: list[int] = []
    errors: list[BaseException] = []

    def sweeper():
        try:
            barrier.wait(timeout=30)
            results.append(services.reminders_send_due(now=now))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweeper) for _ in range(sweepers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if any(thread.is_alive() for thread in threads):
        errors.append(TimeoutError("a sweeper hung"))
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_sweepers_send_each_reminder_exactly_once():
    """Four sweepers started at the same instant, five times over: every reminder is
    claimed by exactly one of them and mailed exactly once."""
    facilitator = factories.facilitator()
    programme = create_programme(facilitator)
    company, unit = factories.OrganisationFactory(), factories.AdvisoryUnitFactory()
    people = [factories.smv_owner(organisation=company) for _ in range(20)]
    people += [factories.advisor(organisation=unit) for _ in range(20)]
    # Real commits here: enrolment_add's on_commit planning runs for real.
    programme_services.enrolment_add(programme=programme, organisation=company)
    programme_services.enrolment_add(programme=programme, organisation=unit)
    m1 = meeting_of(programme, 1)
    Reminder.objects.exclude(meeting=m1, kind=WEEK).delete()
    assert Reminder.objects.count() == len(people) == 40
    now = m1.starts_at - timedelta(days=6)

    for round_number in range(ROUNDS):
        # Each round starts afresh: the reminders pending again and their e-mails not
        # yet in the outbox (which would otherwise keep a cause from sending twice).
        Reminder.objects.update(status=Reminder.Status.PENDING, sent_at=None, skip_reason="")
        OutboxEmail.objects.all().delete()
        mail.outbox = []
        results, errors = _race(now, SWEEPERS)
        assert errors == [], f"round {round_number}: {errors!r}"
        assert len(results) == SWEEPERS
        assert sum(results) == 40, f"round {round_number}: {results}"
        assert Counter(m.to[0] for m in mail.outbox) == {p.email: 1 for p in people}
        assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.SENT}


@pytest.mark.django_db
def test_settings_save_refuses_unknown_flags(smv_owner):
    with pytest.raises(TypeError):
        services.reminder_settings_save(user=smv_owner, everything=False)


def test_one_failing_reminder_does_not_block_the_others(facilitator, monkeypatch):
    programme = programme_services.programme_create_from_template(
        name="Fejl",
        description="",
        starts_on=date(2030, 5, 1),
        ends_on=date(2030, 11, 30),
        user=facilitator,
    )
    company = factories.OrganisationFactory()
    factories.smv_owner(organisation=company)
    factories.smv_owner(organisation=company)
    Enrolment.objects.create(programme=programme, organisation=company)
    services.reminders_plan_for_programme(programme_id=programme.pk)
    kickoff = programme.meetings.get(number=0)
    due = list(Reminder.objects.filter(meeting=kickoff, kind=Reminder.Kind.MEETING_WEEK))
    broken = due[0]
    real_send = emails.reminder_email_send

    def flaky(reminder):
        if reminder.pk == broken.pk:
            raise OSError("mail server down")
        real_send(reminder)

    monkeypatch.setattr(emails, "reminder_email_send", flaky)
    sent = services.reminders_send_due(now=kickoff.starts_at - timedelta(days=7))
    assert sent == len(due) - 1
    broken.refresh_from_db()
    assert broken.status == Reminder.Status.PENDING  # tried again next sweep
