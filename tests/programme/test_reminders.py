"""Reminder e-mails: planned as rows, sent once by the sweeper, settings per person.

The design is in `programme/reminders.py`: one row per (recipient, meeting, kind),
and the sweeper claims a row under `SELECT … FOR UPDATE SKIP LOCKED`, so a retried
task or two sweepers at once never send the same reminder twice.
"""

import threading
from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from programme import reminders, services, tasks
from programme.models import (
    Enrolment,
    Meeting,
    PreparationStatus,
    Programme,
    Reminder,
    ReminderSettings,
)
from tests import factories

CPH = ZoneInfo("Europe/Copenhagen")
WEEK, DAY, PREP = Reminder.Kind.MEETING_WEEK, Reminder.Kind.MEETING_DAY, Reminder.Kind.PREPARATION
PREPARATION_TASK = "Bring two dilemmas from your own company."
SECRET = "SECRET-ANSWER: Jens has been on sick leave with stress since March"


def _create_programme(user) -> Programme:
    return services.programme_create_from_template(
        name="BIFROST 2027",
        description="",
        starts_on=date(2027, 5, 1),
        ends_on=date(2027, 11, 30),
        user=user,
    )


def _meeting(programme: Programme, number: int) -> Meeting:
    return programme.meetings.get(number=number)


def _local_day(meeting: Meeting) -> date:
    return timezone.localtime(meeting.starts_at, CPH).date()


def _pending(**filters):
    return Reminder.objects.filter(status=Reminder.Status.PENDING, **filters)


class World:
    """A programme with one enrolled company (owner) and advisory unit (advisor);
    meeting 2 has a preparation task due three days before it."""

    def __init__(self, capture, facilitator):
        self.facilitator = facilitator
        self.programme = _create_programme(facilitator)
        self.company = factories.OrganisationFactory()
        self.unit = factories.AdvisoryUnitFactory()
        self.owner = factories.smv_owner(organisation=self.company)
        self.advisor = factories.advisor(organisation=self.unit)
        self.kickoff = _meeting(self.programme, 0)
        self.m1 = _meeting(self.programme, 1)
        self.m2 = _meeting(self.programme, 2)
        self.preparation_due = _local_day(self.m2) - timedelta(days=3)
        with capture(execute=True):
            services.meeting_update(
                meeting=self.m2,
                preparation_task=PREPARATION_TASK,
                preparation_due=self.preparation_due,
            )
            self.company_enrolment = services.enrolment_add(
                programme=self.programme, organisation=self.company
            )
            self.unit_enrolment = services.enrolment_add(
                programme=self.programme, organisation=self.unit
            )

    @property
    def m1_week_due(self) -> datetime:
        return self.m1.starts_at - timedelta(days=7)


@pytest.fixture
def world(db, facilitator, django_capture_on_commit_callbacks) -> World:
    return World(django_capture_on_commit_callbacks, facilitator)


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run the sweeper and then the on-commit callbacks (the queued e-mail tasks)."""

    def run(now: datetime) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.send_due(now=now)

    return run


def _expected_for(world: World, person) -> dict[tuple[int, str], datetime]:
    """(meeting id, kind) → due time, computed independently of the module."""
    expected = {}
    for meeting in world.programme.meetings.all():
        if person == world.advisor and meeting.audience == Meeting.Audience.SMV_ONLY:
            continue
        expected[(meeting.pk, WEEK)] = meeting.starts_at - timedelta(days=7)
        expected[(meeting.pk, DAY)] = meeting.starts_at - timedelta(days=1)
    send_day = world.preparation_due - timedelta(days=2)
    expected[(world.m2.pk, PREP)] = datetime.combine(send_day, time(8, 0), tzinfo=CPH)
    return expected


def _planned_for(person) -> dict[tuple[int, str], datetime]:
    return {
        (r.meeting_id, r.kind): r.due_at
        for r in Reminder.objects.filter(recipient=person, status=Reminder.Status.PENDING)
    }


# --- Planning ------------------------------------------------------------------


@pytest.mark.django_db
def test_planning_creates_one_row_per_recipient_meeting_and_kind(world):
    """7 days and 1 day before each meeting, 2 days before the preparation is due
    (08:00 Copenhagen time); the companies-only kick-off plans nothing for advisors."""
    assert _planned_for(world.owner) == _expected_for(world, world.owner)
    assert _planned_for(world.advisor) == _expected_for(world, world.advisor)
    assert len(_planned_for(world.owner)) == 7 * 2 + 1
    assert len(_planned_for(world.advisor)) == 6 * 2 + 1
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
    reminders.plan_for_programme(programme_id=world.programme.pk)
    reminders.plan_for_programme(programme_id=world.programme.pk)
    for meeting in world.programme.meetings.all():
        reminders.plan_for_meeting(meeting_id=meeting.pk)
    after = sorted(Reminder.objects.values_list("pk", "recipient", "meeting", "kind", "due_at"))
    assert after == before
    assert len(after) == 15 + 13


@pytest.mark.django_db
def test_moving_a_meeting_moves_its_pending_reminders(world, django_capture_on_commit_callbacks):
    new_start = world.m1.starts_at + timedelta(days=2, hours=4)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=world.m1, starts_at=new_start, ends_at=new_start + timedelta(hours=3)
        )
    for person in (world.owner, world.advisor):
        planned = _planned_for(person)
        assert planned[(world.m1.pk, WEEK)] == new_start - timedelta(days=7)
        assert planned[(world.m1.pk, DAY)] == new_start - timedelta(days=1)
    assert Reminder.objects.filter(meeting=world.m1).count() == 4  # moved, not added


@pytest.mark.django_db
def test_changing_the_preparation_due_date_moves_and_removing_it_skips(
    world, django_capture_on_commit_callbacks
):
    earlier = world.preparation_due - timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=world.m2, preparation_due=earlier)
    prep = _pending(meeting=world.m2, kind=PREP)
    assert {r.due_at for r in prep} == {
        datetime.combine(earlier - timedelta(days=2), time(8, 0), tzinfo=CPH)
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=world.m2, preparation_task="", preparation_due=None)
    assert not _pending(meeting=world.m2, kind=PREP).exists()
    assert set(
        Reminder.objects.filter(meeting=world.m2, kind=PREP).values_list("skip_reason", flat=True)
    ) == {"no preparation task"}
    # A task set again brings the reminder back (the same row: still one per person).
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=world.m2, preparation_task=PREPARATION_TASK, preparation_due=earlier
        )
    assert _pending(meeting=world.m2, kind=PREP).count() == 2
    assert Reminder.objects.filter(meeting=world.m2, kind=PREP).count() == 2


# --- Sending -------------------------------------------------------------------


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
    assert _pending().count() == 28 - 2 - 2

    # Idempotent: the next sweep, and the same task retried, send nothing more.
    assert sweep(now) == 0
    assert sweep(now + timedelta(minutes=5)) == 0
    for reminder in sent:
        assert reminders.send_one(reminder.pk, now=now) is False
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
    from django.db import transaction

    reminder = _pending(meeting=world.m1, kind=WEEK, recipient=world.owner).get()
    now = world.m1_week_due

    class Crash(Exception):
        pass

    with pytest.raises(Crash), transaction.atomic():
        assert reminders.send_one(reminder.pk, now=now) is True
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


# --- Who does not get one --------------------------------------------------------


@pytest.mark.django_db
def test_nobody_gets_one_after_leaving_the_programme(world, sweep):
    services.enrolment_end(enrolment=world.company_enrolment)
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
    services.enrolment_end(enrolment=world.company_enrolment)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_add(programme=world.programme, organisation=world.company)
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
    services.meeting_cancel(meeting=world.m1)
    assert {(r.status, r.skip_reason) for r in Reminder.objects.filter(meeting=world.m1)} == {
        (Reminder.Status.SKIPPED, "meeting cancelled")
    }
    reminders.plan_for_meeting(meeting_id=world.m1.pk)  # re-planning keeps them skipped
    assert not _pending(meeting=world.m1).exists()
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
    reminders.reminder_settings_save(user=world.owner, **{flag: False})
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


# --- The e-mail -----------------------------------------------------------------


@pytest.mark.django_db
def test_email_has_title_and_link_but_nothing_a_company_wrote(world, sweep):
    PreparationStatus.objects.create(
        meeting=world.m2,
        organisation=world.company,
        text=SECRET,
        done_at=timezone.now(),
        updated_by=world.owner,
    )
    item = world.m2.agenda_items.first()
    item.notes = SECRET
    item.save()
    Meeting.objects.filter(pk=world.m2.pk).update(minutes=SECRET)
    for due_at in sorted(set(Reminder.objects.values_list("due_at", flat=True))):
        sweep(due_at)
    m2_url = settings.SITE_URL + reverse("programme:meeting", args=[world.m2.pk])
    settings_url = settings.SITE_URL + reverse("programme:reminder_settings")
    m2_mails = [m for m in mail.outbox if m2_url in m.body]
    assert len(m2_mails) == 2 * 3  # owner and advisor: 7 days, 1 day, preparation
    for message in mail.outbox:
        assert SECRET not in message.subject
        assert SECRET not in message.body
        assert PREPARATION_TASK not in message.body  # the task text stays on the site
        assert settings_url in message.body
    for message in m2_mails:
        assert world.m2.title in message.subject
        assert world.m2.title in message.body


@pytest.mark.django_db
def test_subject_is_plain_text(world, sweep, django_capture_on_commit_callbacks):
    """Titles with & or quotes are not HTML-escaped in the e-mail."""
    title = 'Q&A: "Dilemmas" & <ideas>'
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=world.m1, title=title)
    assert sweep(world.m1_week_due) == 2
    for message in mail.outbox:
        assert title in message.subject
        assert title in message.body


# --- Celery ---------------------------------------------------------------------


def test_beat_schedule_runs_the_sweeper():
    from bifrost.celery import app

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "programme.send_due_reminders" in scheduled
    assert "programme.send_due_reminders" in app.tasks


@pytest.mark.django_db
def test_the_task_sends_due_reminders_and_a_retry_sends_nothing(
    world, django_capture_on_commit_callbacks
):
    """The task uses the real clock: make two of meeting 1's reminders due now."""
    due = Reminder.objects.filter(meeting=world.m1, kind=WEEK)
    due.update(due_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_due_reminders.delay().get() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_due_reminders.apply().get() == 0  # a retry / a second beat
    assert len(mail.outbox) == 2
    assert set(due.values_list("status", flat=True)) == {Reminder.Status.SENT}


# --- Concurrency ------------------------------------------------------------------

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
            results.append(reminders.send_due(now=now))
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
    programme = _create_programme(facilitator)
    company, unit = factories.OrganisationFactory(), factories.AdvisoryUnitFactory()
    people = [factories.smv_owner(organisation=company) for _ in range(20)]
    people += [factories.advisor(organisation=unit) for _ in range(20)]
    # Real commits here: enrolment_add's on_commit planning runs for real.
    services.enrolment_add(programme=programme, organisation=company)
    services.enrolment_add(programme=programme, organisation=unit)
    m1 = _meeting(programme, 1)
    Reminder.objects.exclude(meeting=m1, kind=WEEK).delete()
    assert Reminder.objects.count() == len(people) == 40
    now = m1.starts_at - timedelta(days=6)

    for round_number in range(ROUNDS):
        Reminder.objects.update(status=Reminder.Status.PENDING, sent_at=None, skip_reason="")
        mail.outbox = []
        results, errors = _race(now, SWEEPERS)
        assert errors == [], f"round {round_number}: {errors!r}"
        assert len(results) == SWEEPERS
        assert sum(results) == 40, f"round {round_number}: {results}"
        assert Counter(m.to[0] for m in mail.outbox) == {p.email: 1 for p in people}
        assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.SENT}


# --- The settings page ------------------------------------------------------------

URL = "programme:reminder_settings"
FLAGS = ("meeting_week_before", "meeting_day_before", "preparation_due")


@pytest.mark.django_db
def test_settings_page_shows_everything_on_by_default(client, smv_owner):
    client.force_login(smv_owner)
    response = client.get(reverse(URL))
    assert response.status_code == 200
    form = response.context["form"]
    assert {name: form[name].value() for name in FLAGS} == dict.fromkeys(FLAGS, True)
    for name in FLAGS:
        assert form.fields[name].label == ReminderSettings._meta.get_field(name).verbose_name
    html = response.content.decode()
    assert html.count(" checked") == 3
    assert "<fieldset" in html and "<legend" in html
    assert html.count('<label class="form-check-label" for="id_') == 3
    assert not ReminderSettings.objects.filter(user=smv_owner).exists()  # GET writes nothing


@pytest.mark.django_db
def test_settings_post_saves_redirects_and_the_sweeper_obeys(client, world, sweep):
    client.force_login(world.owner)
    response = client.post(
        reverse(URL), {"meeting_day_before": "on", "preparation_due": "on"}, follow=True
    )
    assert response.redirect_chain == [(reverse(URL), 302)]
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    saved = ReminderSettings.objects.get(user=world.owner)
    assert (saved.meeting_week_before, saved.meeting_day_before, saved.preparation_due) == (
        False,
        True,
        True,
    )
    form = response.context["form"]
    assert form["meeting_week_before"].value() is False
    assert form["meeting_day_before"].value() is True

    assert sweep(world.m1_week_due) == 1
    owner_row = Reminder.objects.get(recipient=world.owner, meeting=world.m1, kind=WEEK)
    assert owner_row.skip_reason == "turned off by the recipient"
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]


@pytest.mark.django_db
def test_settings_post_with_everything_off_and_on_again(client, advisor):
    client.force_login(advisor)
    assert client.post(reverse(URL), {}).status_code == 302
    saved = ReminderSettings.objects.get(user=advisor)
    assert not any(getattr(saved, name) for name in FLAGS)
    assert client.post(reverse(URL), dict.fromkeys(FLAGS, "on")).status_code == 302
    saved.refresh_from_db()
    assert all(getattr(saved, name) for name in FLAGS)
    assert ReminderSettings.objects.filter(user=advisor).count() == 1


@pytest.mark.django_db
def test_settings_page_is_404_without_a_role(client):
    nobody = factories.UserFactory()
    client.force_login(nobody)
    assert client.get(reverse(URL)).status_code == 404
    assert client.post(reverse(URL), {}).status_code == 404
    assert not ReminderSettings.objects.exists()


@pytest.mark.django_db
def test_settings_page_redirects_anonymous_to_login(client):
    response = client.get(reverse(URL))
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
    response = client.post(reverse(URL), {})
    assert response.status_code == 302
    assert not ReminderSettings.objects.exists()


@pytest.mark.django_db
def test_settings_save_refuses_unknown_flags(smv_owner):
    with pytest.raises(TypeError):
        reminders.reminder_settings_save(user=smv_owner, everything=False)


def test_one_failing_reminder_does_not_block_the_others(facilitator, monkeypatch):
    from datetime import timedelta

    from programme import reminders, services
    from programme.models import Enrolment, Reminder
    from tests import factories

    programme = services.programme_create_from_template(
        name="Fejl",
        description="",
        starts_on=__import__("datetime").date(2030, 5, 1),
        ends_on=__import__("datetime").date(2030, 11, 30),
        user=facilitator,
    )
    company = factories.OrganisationFactory()
    factories.smv_owner(organisation=company)
    factories.smv_owner(organisation=company)
    Enrolment.objects.create(programme=programme, organisation=company)
    reminders.plan_for_programme(programme_id=programme.pk)
    kickoff = programme.meetings.get(number=0)
    due = list(Reminder.objects.filter(meeting=kickoff, kind=Reminder.Kind.MEETING_WEEK))
    broken = due[0]
    real_send = reminders._send

    def flaky(reminder):
        if reminder.pk == broken.pk:
            raise OSError("mail server down")
        real_send(reminder)

    monkeypatch.setattr(reminders, "_send", flaky)
    sent = reminders.send_due(now=kickoff.starts_at - timedelta(days=7))
    assert sent == len(due) - 1
    broken.refresh_from_db()
    assert broken.status == Reminder.Status.PENDING  # tried again next sweep


def test_someone_who_joins_an_enrolled_company_later_gets_reminders(
    facilitator, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone

    from programme import services
    from programme.models import Enrolment, Reminder
    from programme.tasks import send_due_reminders
    from tests import factories

    start = timezone.localdate() + timedelta(days=30)
    programme = services.programme_create_from_template(
        name="Senere",
        description="",
        starts_on=start,
        ends_on=start + timedelta(days=120),
        user=facilitator,
    )
    company = factories.OrganisationFactory()
    Enrolment.objects.create(programme=programme, organisation=company)
    newcomer = factories.smv_owner(organisation=company)  # joins after enrolment
    kickoff = programme.meetings.get(number=0)
    # Six days before the kick-off the sweeper runs: it plans, then sends.
    moment = kickoff.starts_at - timedelta(days=6)
    from unittest import mock

    with (
        mock.patch("programme.tasks.timezone.now", return_value=moment),
        django_capture_on_commit_callbacks(execute=True),
    ):
        sent = send_due_reminders()
    assert sent == 1
    assert Reminder.objects.filter(recipient=newcomer, meeting=kickoff).count() == 2
    assert [m.to for m in mail.outbox] == [[newcomer.email]]
