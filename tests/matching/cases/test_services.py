"""Writes on cases: validation, phases, goals, meetings, tasks, inputs, notes, last activity."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from matching.cases import selectors, services
from matching.models import Case, CaseMeetingInput, MatchPair, Phase
from tests import factories
from tests.matching.factories import AdvisorProfileFactory, MatchPairFactory, MatchRunFactory

pytestmark = pytest.mark.django_db


def _old_activity(case):
    past = timezone.now() - timedelta(days=10)
    Case.objects.filter(pk=case.pk).update(last_activity_at=past)
    case.refresh_from_db()
    return past


def _activity_moved(case, past) -> bool:
    case.refresh_from_db()
    return case.last_activity_at > past


def test_case_open_on_a_pair_starts_in_the_way_in(programme, company, unit, facilitator):
    """A confirmed pair opens an active case in phase 1, started today."""
    profile = AdvisorProfileFactory(programme=programme, unit=unit)
    run = MatchRunFactory(programme=programme)
    pair: MatchPair = MatchPairFactory(run=run, company=company, advisor=profile.advisor)
    opened = services.case_open(pair=pair, by=facilitator)
    assert opened.status == Case.Status.ACTIVE
    assert opened.phase == Phase.WAY_IN
    assert opened.phase_changes.get().started_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.case_open(pair=pair, by=facilitator)


def test_phase_change_records_the_date_and_touches_the_case(case, enrolled_advisor):
    past = _old_activity(case)
    day = timezone.localdate() - timedelta(days=3)
    services.case_change_phase(
        case=case, phase=Phase.RELATIONSHIP, started_on=day, by=enrolled_advisor
    )
    case.refresh_from_db()
    assert case.phase == Phase.RELATIONSHIP
    assert list(case.phase_changes.values_list("phase", "started_on")) == [
        (Phase.WAY_IN, timezone.localdate() - timedelta(days=30)),
        (Phase.RELATIONSHIP, day),
    ]
    assert _activity_moved(case, past)


def test_phase_change_defaults_to_today(case, owner):
    services.case_change_phase(case=case, phase=Phase.HANDOVER, by=owner)
    assert case.phase_changes.last().started_on == timezone.localdate()


@pytest.mark.parametrize(
    ("phase", "days_ago", "field"),
    [
        (Phase.WAY_IN, 1, "phase"),  # already there
        ("nonsense", 1, "phase"),
        (Phase.HANDOVER, -2, "started_on"),  # in the future
        (Phase.HANDOVER, 45, "started_on"),  # before the current phase started
    ],
)
def test_phase_change_refuses_bad_input(case, owner, phase, days_ago, field):
    with pytest.raises(ValidationError) as error:
        services.case_change_phase(
            case=case,
            phase=phase,
            started_on=timezone.localdate() - timedelta(days=days_ago),
            by=owner,
        )
    assert field in error.value.message_dict
    case.refresh_from_db()
    assert case.phase == Phase.WAY_IN
    assert case.phase_changes.count() == 1


def test_closed_case_is_read_only(case, owner, enrolled_advisor):
    services.case_close(case=case, by=enrolled_advisor, reason="Rådgiveren stoppede")
    closed = gettext("This case is closed, so it can no longer be changed.")
    with pytest.raises(ValidationError, match=closed):
        services.goal_create(case=case, by=owner, title="Mål")
    with pytest.raises(ValidationError, match=closed):
        services.case_change_phase(case=case, phase=Phase.HANDOVER, by=owner)
    with pytest.raises(ValidationError, match=closed):
        services.note_create(case=case, author=enrolled_advisor, text="x")
    assert case.goals.count() == 0


def test_goals_add_edit_status_and_reorder(case, owner):
    past = _old_activity(case)
    first = services.goal_create(case=case, by=owner, title="  Fælles sprog om stress  ")
    second = services.goal_create(case=case, by=owner, title="Plan for tilbagevenden")
    assert first.title == "Fælles sprog om stress"
    assert [g.pk for g in case.goals.all()] == [first.pk, second.pk]
    assert _activity_moved(case, past)
    services.goal_update(
        goal=first, by=owner, title="Nyt navn", description="Uddybning", status="in_progress"
    )
    services.goal_set_status(goal=second, by=owner, status="achieved")
    services.goal_move(goal=second, by=owner, direction="up")
    goals = list(case.goals.all())
    assert [(g.title, g.status) for g in goals] == [
        ("Plan for tilbagevenden", "achieved"),
        ("Nyt navn", "in_progress"),
    ]
    # Moving the first one up changes nothing.
    services.goal_move(goal=second, by=owner, direction="up")
    assert list(case.goals.all()) == goals


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "Mål", "status": "odd"}, "status"),
    ],
)
def test_goal_validation(case, owner, kwargs, field):
    with pytest.raises(ValidationError) as error:
        services.goal_create(case=case, by=owner, **kwargs)
    assert field in error.value.message_dict


def test_company_meeting_cannot_be_in_the_future(case, owner):
    with pytest.raises(ValidationError) as error:
        services.case_meeting_create(
            case=case,
            by=owner,
            held_on=timezone.localdate() + timedelta(days=1),
            participants="Ejer og rådgiver",
            summary="Referat",
        )
    assert "held_on" in error.value.message_dict
    meeting = services.case_meeting_create(
        case=case, by=owner, held_on=timezone.localdate(), participants="Ejer", summary="Vi mødtes"
    )
    with pytest.raises(ValidationError) as error:
        services.case_meeting_update(
            meeting=meeting, by=owner, held_on=timezone.localdate(), participants="", summary=""
        )
    assert {"participants", "summary"} <= set(error.value.message_dict)


def test_task_owner_must_be_on_the_case(case, owner, enrolled_advisor, colleague):
    services.task_create(case=case, by=owner, title="Ring til rådgiver", owner=enrolled_advisor)
    services.task_create(case=case, by=owner, title="Tal med teamet", owner=owner)
    with pytest.raises(ValidationError) as error:
        services.task_create(case=case, by=owner, title="Noget", owner=colleague)
    assert "owner" in error.value.message_dict


def test_task_done_undo_and_overdue(case, owner):
    yesterday = timezone.localdate() - timedelta(days=1)
    task = services.task_create(case=case, by=owner, title="Samle spørgsmål", due_on=yesterday)
    assert selectors.task_is_overdue(task)
    past = _old_activity(case)
    services.task_set_done(task=task, by=owner, done=True)
    assert task.done_at is not None
    assert not selectors.task_is_overdue(task)
    assert _activity_moved(case, past)
    services.task_set_done(task=task, by=owner, done=False)
    task.refresh_from_db()
    assert task.done_at is None
    assert selectors.task_is_overdue(task)
    tomorrow = services.task_create(
        case=case, by=owner, title="Senere", due_on=timezone.localdate() + timedelta(days=1)
    )
    assert not selectors.task_is_overdue(tomorrow)


def test_meeting_input_is_one_per_meeting(case, owner, programme):
    meeting = programme.meetings.get(number=3)
    services.meeting_input_save(case=case, meeting=meeting, by=owner, text="Første udkast")
    services.meeting_input_save(case=case, meeting=meeting, by=owner, text="Endelig tekst")
    assert list(CaseMeetingInput.objects.values_list("text", flat=True)) == ["Endelig tekst"]
    with pytest.raises(ValidationError):
        services.meeting_input_save(
            case=case, meeting=programme.meetings.get(number=0), by=owner, text="Kickoff"
        )
    other = factories.facilitator()
    from programme.programmes.services import programme_create_from_template

    elsewhere = programme_create_from_template(
        name="Andet forløb",
        description="",
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        user=other,
    )
    with pytest.raises(ValidationError):
        services.meeting_input_save(
            case=case, meeting=elsewhere.meetings.get(number=3), by=owner, text="Forkert forløb"
        )
    with pytest.raises(ValidationError) as error:
        services.meeting_input_save(case=case, meeting=meeting, by=owner, text="   ")
    assert "text" in error.value.message_dict


def test_notes_only_by_the_case_advisor_and_changed_by_the_author(
    case, enrolled_advisor, owner, colleague
):
    note = services.note_create(case=case, author=enrolled_advisor, text="Ejer virker presset")
    with pytest.raises(ValidationError):
        services.note_create(case=case, author=owner, text="Ikke tilladt")
    with pytest.raises(ValidationError):
        services.note_update(note=note, by=colleague, text="Ændret", shared_with_unit=True)
    services.note_update(note=note, by=enrolled_advisor, text="Delt note", shared_with_unit=True)
    note.refresh_from_db()
    assert note.shared_with_unit and note.text == "Delt note"
    with pytest.raises(ValidationError):
        services.note_delete(note=note, by=colleague)
    services.note_delete(note=note, by=enrolled_advisor)
    assert not case.advisor_notes.exists()
