"""The case page and its forms: who sees what, who may change what (404 otherwise)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Kind, Page, Section
from matching.cases import services
from matching.models import AdvisorNote, CaseGoal, CaseMeeting, CaseTask, Phase
from tests import factories

pytestmark = pytest.mark.django_db

#: People with no access to the case at all.
OUTSIDERS = ["colleague", "other_case_advisor", "other_case_owner", "outsider"]


def _url(name, case, **extra):
    return reverse(f"matching:{name}", kwargs={"pk": case.pk, **extra})


@pytest.fixture
def goal(case, owner):
    return services.goal_create(case=case, by=owner, title="Fælles sprog om stress")


@pytest.fixture
def task(case, owner):
    return services.task_create(case=case, by=owner, title="Saml spørgsmål fra teamet")


@pytest.fixture
def company_meeting(case, owner):
    return services.case_meeting_create(
        case=case, by=owner, held_on=timezone.localdate(), participants="Ejer", summary="Møde"
    )


@pytest.fixture
def note(case, enrolled_advisor):
    return services.note_create(case=case, author=enrolled_advisor, text="Privat iagttagelse")


# --- Who sees the case page ---------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "enrolled_advisor", "facilitator"])
def test_case_page_is_shown_to_the_company_the_advisor_and_facilitators(client, case, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.get(_url("case_detail", case))
    assert response.status_code == 200
    assert case.company.name in response.text


@pytest.mark.parametrize("who", OUTSIDERS)
def test_case_page_is_404_for_everyone_else(client, case, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url("case_detail", case)).status_code == 404


def test_case_page_needs_login(client, case):
    response = client.get(_url("case_detail", case))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_missing_case_is_404(client, owner):
    client.force_login(owner)
    assert client.get(reverse("matching:case_detail", kwargs={"pk": 999999})).status_code == 404


def test_facilitator_reads_without_forms(client, case, facilitator, goal):
    client.force_login(facilitator)
    response = client.get(_url("case_detail", case))
    assert goal.title in response.text
    assert _url("case_goal_add", case) not in response.text
    assert _url("case_phase", case) not in response.text


def test_closed_case_is_read_only_on_the_page(client, case, owner, enrolled_advisor, goal):
    services.case_close(case=case, by=enrolled_advisor, reason="Afsluttet")
    client.force_login(owner)
    response = client.get(_url("case_detail", case))
    assert response.status_code == 200
    assert _url("case_goal_add", case) not in response.text
    response = client.post(
        _url("case_goal_add", case), {"goal-title": "Nyt", "goal-status": "planned"}
    )
    assert response.status_code == 404
    assert case.goals.count() == 1


# --- Every write: allowed for the company and the advisor, 404 for the rest -----------

WRITES = [
    ("case_phase", {}, {"phase-phase": Phase.RELATIONSHIP, "phase-started_on": "TODAY"}),
    ("case_goal_add", {}, {"goal-title": "Mål", "goal-status": "planned"}),
    ("case_goal_edit", {"goal_pk": "goal"}, {"goal-title": "Ny titel", "goal-status": "achieved"}),
    ("case_goal_status", {"goal_pk": "goal"}, {"status": "achieved"}),
    ("case_goal_move", {"goal_pk": "goal"}, {"direction": "down"}),
    (
        "case_meeting_add",
        {},
        {"meeting-held_on": "TODAY", "meeting-participants": "Ejer", "meeting-summary": "Referat"},
    ),
    (
        "case_meeting_edit",
        {"meeting_pk": "company_meeting"},
        {"meeting-held_on": "TODAY", "meeting-participants": "Alle", "meeting-summary": "Nyt"},
    ),
    ("case_task_add", {}, {"task-title": "Opgave"}),
    ("case_task_edit", {"task_pk": "task"}, {"task-title": "Ny opgave"}),
    ("case_task_done", {"task_pk": "task"}, {"done": "1"}),
]


def _resolve(request, extra, data):
    kwargs = {key: request.getfixturevalue(value).pk for key, value in extra.items()}
    today = timezone.localdate().isoformat()
    return kwargs, {k: today if v == "TODAY" else v for k, v in data.items()}


@pytest.mark.parametrize(("name", "extra", "data"), WRITES)
@pytest.mark.parametrize("who", ["owner", "enrolled_advisor"])
def test_writes_by_the_pair_succeed(client, case, request, name, extra, data, who):
    kwargs, data = _resolve(request, extra, data)
    client.force_login(request.getfixturevalue(who))
    response = client.post(_url(name, case, **kwargs), data)
    assert response.status_code == 302, response.content
    assert response["Location"].startswith(_url("case_detail", case))


@pytest.mark.parametrize(("name", "extra", "data"), WRITES)
@pytest.mark.parametrize("who", ["facilitator", *OUTSIDERS])
def test_writes_by_anyone_else_are_404(client, case, request, name, extra, data, who):
    kwargs, data = _resolve(request, extra, data)
    before = (
        CaseGoal.objects.values_list("title", "status", "position").order_by("pk").first(),
        CaseTask.objects.count(),
        CaseMeeting.objects.count(),
        list(CaseTask.objects.values_list("done_at", flat=True)),
    )
    client.force_login(request.getfixturevalue(who))
    assert client.post(_url(name, case, **kwargs), data).status_code == 404
    case.refresh_from_db()
    assert case.phase == Phase.WAY_IN
    after = (
        CaseGoal.objects.values_list("title", "status", "position").order_by("pk").first(),
        CaseTask.objects.count(),
        CaseMeeting.objects.count(),
        list(CaseTask.objects.values_list("done_at", flat=True)),
    )
    assert before == after


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("case_goal_edit", {"goal_pk": "goal"}),
        ("case_meeting_edit", {"meeting_pk": "company_meeting"}),
        ("case_task_edit", {"task_pk": "task"}),
    ],
)
def test_edit_pages_are_404_for_others_and_for_items_of_another_case(
    client, case, other_case, other_case_owner, owner, request, name, extra
):
    kwargs, _ = _resolve(request, extra, {})
    client.force_login(owner)
    assert client.get(_url(name, case, **kwargs)).status_code == 200
    client.force_login(other_case_owner)
    assert client.get(_url(name, case, **kwargs)).status_code == 404
    # The item's id under another case's address.
    assert client.get(_url(name, other_case, **kwargs)).status_code == 404


# --- Forms keep input and explain -------------------------------------------------------


def test_invalid_goal_keeps_input_and_explains(client, case, owner):
    client.force_login(owner)
    response = client.post(
        _url("case_goal_add", case),
        {"goal-title": "", "goal-description": "Min lange beskrivelse", "goal-status": "planned"},
    )
    assert response.status_code == 200
    assert "Min lange beskrivelse" in response.text
    assert "is-invalid" in response.text
    assert not case.goals.exists()


def test_phase_date_before_current_phase_is_explained(client, case, owner):
    client.force_login(owner)
    day = (timezone.localdate() - timedelta(days=60)).isoformat()
    response = client.post(
        _url("case_phase", case), {"phase-phase": Phase.HANDOVER, "phase-started_on": day}
    )
    assert response.status_code == 200
    assert day in response.text  # the typed date is kept
    case.refresh_from_db()
    assert case.phase == Phase.WAY_IN


def test_bad_values_never_500(client, case, owner, goal, task):
    client.force_login(owner)
    posts = [
        (_url("case_phase", case), {"phase-phase": "x", "phase-started_on": "not a date"}),
        (_url("case_goal_status", case, goal_pk=goal.pk), {"status": "nope"}),
        (_url("case_goal_move", case, goal_pk=goal.pk), {"direction": "sideways"}),
        (_url("case_meeting_add", case), {"meeting-held_on": "2999-01-01"}),
        (_url("case_task_add", case), {"task-title": "x", "task-owner": "999999"}),
        (_url("case_task_add", case), {"task-title": "x", "task-due_on": "31.02.2027"}),
        (_url("case_input_save", case), {"input-text": "x" * 6000}),
        (_url("case_note_add", case), {"note-text": ""}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (200, 302, 404), url


def test_task_owner_outside_the_case_is_refused(client, case, owner, colleague):
    client.force_login(owner)
    response = client.post(
        _url("case_task_add", case), {"task-title": "Noget", "task-owner": colleague.pk}
    )
    assert response.status_code == 200
    assert not case.tasks.exists()


def test_overdue_tasks_are_flagged(client, case, owner):
    services.task_create(
        case=case, by=owner, title="For sent", due_on=timezone.localdate() - timedelta(days=2)
    )
    client.force_login(owner)
    response = client.get(_url("case_detail", case))
    assert "is-overdue" in response.text
    assert "text-bg-danger" in response.text


# --- Phases and the knowledge site ------------------------------------------------------


def test_current_phase_shows_attention_points_from_the_knowledge_page(client, case, owner):
    Page.objects.create(
        section=Section.PHASES,
        kind=Kind.PHASE,
        slug=Phase.WAY_IN.value,
        title="Vejen ind",
        status=Page.Status.PUBLISHED,
        fields={"attention_points": ["Lyt til hele medarbejdergruppen", "Brug egne ord"]},
    )
    client.force_login(owner)
    response = client.get(_url("case_detail", case))
    assert "Lyt til hele medarbejdergruppen" in response.text
    assert reverse("knowledge:page", kwargs={"section": Section.PHASES, "slug": "vejen-ind"}) in (
        response.text
    )
    assert 'aria-current="step"' in response.text


def test_unpublished_phase_page_is_not_used(client, case, owner):
    Page.objects.create(
        section=Section.PHASES,
        kind=Kind.PHASE,
        slug=Phase.WAY_IN.value,
        title="Vejen ind",
        status=Page.Status.DRAFT,
        fields={"attention_points": ["Hemmeligt udkast"]},
    )
    client.force_login(owner)
    assert "Hemmeligt udkast" not in client.get(_url("case_detail", case)).text


# --- Input for the next development meeting ------------------------------------------


def test_input_goes_to_the_next_meeting(client, case, owner, programme):
    now = timezone.now()
    for number, meeting in enumerate(programme.meetings.order_by("number")):
        meeting.starts_at = now + timedelta(days=number * 10 - 25)
        meeting.ends_at = meeting.starts_at + timedelta(hours=3)
        meeting.save()
    expected = programme.meetings.get(number=3)  # the first one still to come
    client.force_login(owner)
    response = client.post(_url("case_input_save", case), {"input-text": "Vores spørgsmål"})
    assert response.status_code == 302
    assert case.meeting_inputs.get().meeting == expected
    assert "Vores spørgsmål" in client.get(_url("case_detail", case)).text


# --- Advisor notes: visibility matrix -------------------------------------------------


def test_note_is_shown_to_its_author_on_the_case_page_only(
    client, case, note, owner, facilitator, enrolled_advisor
):
    client.force_login(enrolled_advisor)
    assert note.text in client.get(_url("case_detail", case)).text
    for user in (owner, facilitator):
        client.force_login(user)
        response = client.get(_url("case_detail", case))
        assert response.status_code == 200
        assert note.text not in response.text
        assert _url("case_note_add", case) not in response.text


def test_advisor_writes_a_note(client, case, enrolled_advisor):
    client.force_login(enrolled_advisor)
    response = client.post(
        _url("case_note_add", case),
        {"note-text": "Delt med enheden", "note-shared_with_unit": "on"},
    )
    assert response.status_code == 302
    assert AdvisorNote.objects.get().shared_with_unit


@pytest.mark.parametrize("who", ["owner", "facilitator", *OUTSIDERS])
def test_only_the_case_advisor_may_add_notes(client, case, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.post(_url("case_note_add", case), {"note-text": "x"}).status_code == 404
    assert not AdvisorNote.objects.exists()


@pytest.mark.parametrize("who", ["owner", "facilitator", *OUTSIDERS])
def test_only_the_author_may_edit_or_delete_a_note(client, case, note, request, who):
    note.shared_with_unit = True
    note.save()
    client.force_login(request.getfixturevalue(who))
    for name in ("case_note_edit", "case_note_delete"):
        url = _url(name, case, note_pk=note.pk)
        assert client.get(url).status_code == 404
        assert client.post(url, {"note-text": "Ændret"}).status_code == 404
    note.refresh_from_db()
    assert note.text == "Privat iagttagelse"


def test_author_edits_and_deletes_a_note(client, case, note, enrolled_advisor, other_case):
    client.force_login(enrolled_advisor)
    edit = _url("case_note_edit", case, note_pk=note.pk)
    assert client.get(edit).status_code == 200
    # The note under another case's address is not found.
    assert client.get(_url("case_note_edit", other_case, note_pk=note.pk)).status_code == 404
    assert client.post(edit, {"note-text": "Rettet"}).status_code == 302
    note.refresh_from_db()
    assert note.text == "Rettet" and not note.shared_with_unit
    delete = _url("case_note_delete", case, note_pk=note.pk)
    assert "Rettet" in client.get(delete).text
    assert client.post(delete).status_code == 302
    assert not AdvisorNote.objects.exists()


def test_shared_notes_reach_unit_colleagues_only(
    client, case, note, enrolled_advisor, colleague, other_case_advisor, facilitator, owner
):
    private = services.note_create(case=case, author=enrolled_advisor, text="Kun til mig selv")
    services.note_update(
        note=note, by=enrolled_advisor, text="Til kollegerne", shared_with_unit=True
    )
    dashboard = reverse("matching:case_dashboard")
    client.force_login(colleague)
    response = client.get(dashboard)
    assert response.status_code == 200
    assert "Til kollegerne" in response.text
    assert case.company.name in response.text
    assert private.text not in response.text
    client.force_login(other_case_advisor)
    response = client.get(dashboard)
    assert "Til kollegerne" not in response.text
    client.force_login(enrolled_advisor)  # own notes are on the case page, not here
    assert "Til kollegerne" not in client.get(dashboard).text
    for user in (facilitator, owner):
        client.force_login(user)
        assert client.get(dashboard).status_code == 404


def test_company_member_in_the_unit_as_non_advisor_does_not_see_shared_notes(
    client, case, note, unit
):
    note.shared_with_unit = True
    note.save()
    person = factories.advisor()  # an advisor elsewhere
    factories.MembershipFactory(user=person, organisation=unit, role="smv_owner")
    client.force_login(person)
    assert note.text not in client.get(reverse("matching:case_dashboard")).text


def test_phase_change_without_a_date_starts_today(client, case, enrolled_advisor):
    client.force_login(enrolled_advisor)
    response = client.post(
        _url("case_phase", case), {"phase-phase": Phase.RELATIONSHIP, "phase-started_on": ""}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == Phase.RELATIONSHIP
    assert case.phase_changes.last().started_on == timezone.localdate()
