import datetime
import hashlib
from contextlib import contextmanager
from io import StringIO
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from advice import demo as advice_demo
from bifrost.accounts.demo import DEMO_PASSWORD, demo_logins
from bifrost.accounts.models import Membership, Organisation, Role, User
from programme.demo_calendar import COPENHAGEN

pytestmark = pytest.mark.django_db


def test_demo_data_is_idempotent_and_every_login_works(client):
    call_command("demo_data")
    call_command("demo_data")  # a second run changes nothing
    # 13 programme people, the advice catalogue's 5 provider advisors (3 units) and
    # the 8 workplaces' leaders and representatives of the demo requests.
    assert User.objects.count() == 13 + 5 + 8 * 2
    assert Organisation.objects.filter(kind="company").count() == 6
    assert Organisation.objects.filter(kind="advisory_unit").count() == 6 + 3
    industries = set(Organisation.objects.filter(kind="company").values_list("industry", flat=True))
    assert industries == {"finance", "media", "communication"}
    assert Membership.objects.filter(role=Role.FACILITATOR).count() == 1
    # One leader and one representative (every login in a row would meet the rate limit).
    workplaces = ["leder1@bifrost.example", "tr8@bifrost.example"]
    for email in demo_logins() + advice_demo.demo_logins() + workplaces:
        response = client.post(
            reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, email
        assert response.url == reverse("dashboard")
        client.logout()


def test_demo_facilitator_is_not_a_superuser():
    call_command("demo_data")
    facilitator = User.objects.get(email="facilitator@bifrost.example")
    assert not facilitator.is_superuser
    assert not facilitator.is_staff


def test_demo_data_includes_the_programme_with_minutes():
    from programme.demo import DEMO_NAME
    from programme.models import Programme

    call_command("demo_data")
    call_command("demo_data")
    programme = Programme.objects.get(name=DEMO_NAME)
    assert programme.starts_on < timezone.localdate() < programme.ends_on
    meetings = list(programme.meetings.order_by("number"))
    assert len(meetings) == 7
    assert all(m.agenda_items.count() >= 5 for m in meetings)
    assert sum(1 for m in meetings if m.minutes_published_at) == 4  # the held ones
    assert programme.enrolments.count() == 12


def test_demo_programme_has_exercises_filled_in(client):
    from django.urls import reverse

    from bifrost.accounts.models import User
    from programme.demo import DEMO_NAME
    from programme.models import Assumption, DilemmaChoice, Programme, Recommendation

    call_command("demo_data")
    assert Assumption.objects.count() >= 4
    assert DilemmaChoice.objects.count() >= 2
    assert Recommendation.objects.count() >= 3
    client.force_login(User.objects.get(email="facilitator@bifrost.example"))
    response = client.get(
        reverse("programme:programme_detail", args=[Programme.objects.get(name=DEMO_NAME).pk])
    )
    assert response.status_code == 200
    assert len(response.context["exercise_progress"]) >= 4


# --- The demo lives in the present ------------------------------------------------------
# "Today" is frozen in two different months: the loader gets it explicitly (as
# `demo_data` passes the local date) and the clock is patched, so the pages see it too.

FROZEN_DAYS = [datetime.date(2026, 3, 10), datetime.date(2026, 11, 24)]


@contextmanager
def _frozen(today: datetime.date):
    moment = datetime.datetime.combine(today, datetime.time(11, 0), tzinfo=COPENHAGEN)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _load(today: datetime.date, *args) -> None:
    with _frozen(today):
        call_command("demo_data", *args, today=today, stdout=StringIO())


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in apps.get_models()}


def _dated_fields_hash() -> str:
    """A hash of every date the demo sets (the loader's, not the database clock's)."""
    from logbook.models import ChangeLogic, CriticalSituation, Entry, EntryComment, ReadinessCheck
    from matching.models import Case, CaseGoal, CaseMeeting, CasePhaseChange, CaseTask
    from programme.models import Meeting, PreparationStatus, Reminder

    rows = [
        CaseGoal.objects.values_list("title", "created_at", "updated_at", "updated_by__email"),
        Meeting.objects.values_list(
            "number", "starts_at", "ends_at", "preparation_due", "minutes_published_at"
        ),
        PreparationStatus.objects.values_list("meeting__number", "organisation__name", "done_at"),
        Reminder.objects.values_list("meeting__number", "recipient__email", "kind", "due_at"),
        Entry.objects.values_list("logbook__company__name", "title", "entry_date", "created_at"),
        Entry.objects.values_list("title", "updated_at"),
        EntryComment.objects.values_list("entry__title", "created_at"),
        ChangeLogic.objects.values_list("entry__title", "updated_at"),
        ReadinessCheck.objects.values_list("logbook__company__name", "taken_on"),
        CriticalSituation.objects.values_list("logbook__company__name", "occurred_on"),
        CasePhaseChange.objects.values_list("case__company__name", "phase", "started_on"),
        CaseMeeting.objects.values_list("case__company__name", "held_on"),
        CaseTask.objects.values_list("case__company__name", "title", "due_on", "done_at"),
        Case.objects.values_list("company__name", "last_activity_at"),
    ]
    text = repr([sorted(map(repr, query)) for query in rows])
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("today", FROZEN_DAYS, ids=str)
def test_demo_programme_is_dated_around_today(today):
    from programme.demo import DEMO_NAME
    from programme.models import Meeting, Reminder

    _load(today)
    meetings = {m.number: m for m in Meeting.objects.filter(programme__name=DEMO_NAME)}
    assert sorted(meetings) == [0, 1, 2, 3, 4, 5, 6]
    local = {n: timezone.localtime(m.starts_at).date() for n, m in meetings.items()}
    assert all(local[n] < today for n in range(4)), local
    assert all(meetings[n].minutes_published_at for n in range(4))
    assert 1 <= (local[4] - today).days <= 7 and local[4].weekday() < 5
    assert timezone.localtime(meetings[4].starts_at).time() == datetime.time(13, 0)
    assert meetings[4].preparation_task and today <= meetings[4].preparation_due < local[4]
    assert meetings[4].preparations.filter(done_at__isnull=False).exists()  # under way
    assert local[4] < local[5] < local[6]
    assert all(day.weekday() < 5 for day in local.values())
    assert not meetings[4].minutes and not meetings[5].attendances.exists()
    assert meetings[0].attendances.exists() and meetings[3].attendances.exists()
    # The coming meeting's reminders are planned and the first of them are due by now.
    pending = Reminder.objects.filter(meeting=meetings[4], status=Reminder.Status.PENDING)
    assert pending.exists()
    with _frozen(today):
        now = timezone.now()
    assert pending.filter(due_at__lte=now).exists()
    assert pending.filter(due_at__gt=now).exists()


@pytest.mark.parametrize("today", FROZEN_DAYS, ids=str)
def test_demo_logbooks_cases_and_checks_are_dated_around_today(today):
    from logbook.insights import readiness
    from logbook.models import CriticalSituation, Entry, Logbook, ReadinessCheck
    from matching.models import CaseMeeting, CasePhaseChange, CaseTask

    _load(today)
    dates = list(Entry.objects.values_list("entry_date", flat=True))
    assert dates and max(dates) < today
    assert (today - min(dates)).days >= 56  # spread over the weeks since the kick-off
    assert len({day.isocalendar()[1] for day in dates}) >= 8
    assert Entry.objects.filter(meeting__number=4).exists()  # input for the coming meeting
    assert not Entry.objects.filter(meeting__number__gt=4).exists()
    assert all(d < today for d in CriticalSituation.objects.values_list("occurred_on", flat=True))
    for logbook in Logbook.objects.all():
        last = logbook.readiness_checks.order_by("-taken_on").first().taken_on
        window = readiness.schedule(last, today)
        near = [today + datetime.timedelta(days=d) for d in range(-14, 15)]
        assert any(window.next_from <= day <= window.next_by for day in near), window
    assert max(ReadinessCheck.objects.values_list("taken_on", flat=True)) < today
    assert max(CasePhaseChange.objects.values_list("started_on", flat=True)) < today
    assert max(CaseMeeting.objects.values_list("held_on", flat=True)) < today
    tasks = list(CaseTask.objects.all())
    done = [t for t in tasks if t.done_at]
    assert done and all(timezone.localtime(t.done_at).date() < today for t in done)
    assert any(t.done_at is None and t.due_on < today for t in tasks)  # overdue
    assert any(t.done_at is None and t.due_on > today for t in tasks)  # open, due ahead


@pytest.mark.parametrize("today", FROZEN_DAYS, ids=str)
def test_demo_case_page_has_a_coming_development_meeting(client, today):
    from matching.models import Case

    _load(today)
    owner = User.objects.get(email="smv1@bifrost.example")
    case = Case.objects.get(company__memberships__user=owner)
    client.force_login(owner)
    with _frozen(today):
        response = client.get(reverse("matching:case_detail", args=[case.pk]))
    assert response.status_code == 200
    coming = response.context["page"].next_meeting
    assert coming is not None and coming.number == 4
    assert "input_form" in response.context
    assert coming.title in response.content.decode()


def test_demo_is_deterministic_and_a_rerun_changes_nothing():
    today = FROZEN_DAYS[0]
    _load(today)
    counts, dated = _counts(), _dated_fields_hash()
    _load(today)
    assert (_counts(), _dated_fields_hash()) == (counts, dated)
    # A rerun on a later day leaves the demo as it is, too.
    _load(today + datetime.timedelta(days=40))
    assert (_counts(), _dated_fields_hash()) == (counts, dated)
    # Reset and load again on the same day: the same data, nothing left over.
    _load(today, "--reset")
    assert _dated_fields_hash() == dated
    after = _counts()
    # Nothing left over: the programmes and the knowledge pages drafted from them once.
    assert [after[name] for name in ("Programme", "Page", "Provenance", "CaseApproval")] == [
        counts[name] for name in ("Programme", "Page", "Provenance", "CaseApproval")
    ]


def test_reset_moves_an_older_demo_to_today():
    from programme.demo import DEMO_NAME
    from programme.demo_first_round import FIRST_ROUND_NAME
    from programme.models import Meeting, Programme

    _load(FROZEN_DAYS[0])
    _load(FROZEN_DAYS[1], "--reset")
    # The demo programme and the earlier, finished round it follows (issue 14).
    assert sorted(Programme.objects.values_list("name", flat=True)) == sorted(
        [DEMO_NAME, FIRST_ROUND_NAME]
    )
    coming = Meeting.objects.get(programme__name=DEMO_NAME, number=4)
    assert 1 <= (timezone.localtime(coming.starts_at).date() - FROZEN_DAYS[1]).days <= 7
