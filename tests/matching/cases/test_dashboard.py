"""The advisor's case dashboard and the facilitator's programme cases: sort, filter, queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.cases import dashboard, services
from matching.models import AdvisorNote, Case, CaseTask, Phase
from programme.models import Enrolment
from tests import factories
from tests.matching.builders import make_case

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("matching:case_dashboard")
ALL = ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"]


def _cases_for(advisor, unit, programme, count: int) -> list[Case]:
    companies = factories.OrganisationFactory.create_batch(count)
    Enrolment.objects.bulk_create(Enrolment(programme=programme, organisation=c) for c in companies)
    return [
        make_case(programme=programme, company=company, advisor=advisor, unit=unit)
        for company in companies
    ]


def _names(response) -> list[str]:
    return [case.company.name for case in response.context["rows"]]


@pytest.fixture
def three(programme, unit, enrolled_advisor):
    """Three cases of the advisor: in each phase, with different activity and tasks."""
    alpha, beta, gamma = _cases_for(enrolled_advisor, unit, programme, 3)
    names = {"Alfa Avis ApS": alpha, "Beta Bank A/S": beta, "Gamma Gruppen ApS": gamma}
    for name, case in names.items():
        case.company.name = name
        case.company.save()
    services.case_change_phase(case=beta, phase=Phase.RELATIONSHIP, by=enrolled_advisor)
    services.case_change_phase(case=gamma, phase=Phase.HANDOVER, by=enrolled_advisor)
    late = timezone.localdate() - timedelta(days=3)
    services.task_create(case=alpha, by=enrolled_advisor, title="a", due_on=late)
    services.task_create(case=alpha, by=enrolled_advisor, title="b", due_on=late)
    services.task_create(case=beta, by=enrolled_advisor, title="c")
    now = timezone.now()
    for days, case in zip([5, 1, 10], [alpha, beta, gamma], strict=True):
        Case.objects.filter(pk=case.pk).update(last_activity_at=now - timedelta(days=days))
    return alpha, beta, gamma


def test_dashboard_lists_only_my_cases_latest_activity_first(
    client, three, other_case, enrolled_advisor
):
    client.force_login(enrolled_advisor)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert _names(response) == ["Beta Bank A/S", "Alfa Avis ApS", "Gamma Gruppen ApS"]
    assert other_case.company.name not in response.text
    alpha = response.context["rows"][1]
    assert (alpha.open_tasks, alpha.overdue_tasks) == (2, 2)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("company", ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"]),
        ("-company", ["Gamma Gruppen ApS", "Beta Bank A/S", "Alfa Avis ApS"]),
        ("phase", ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"]),
        ("-phase", ["Gamma Gruppen ApS", "Beta Bank A/S", "Alfa Avis ApS"]),
        ("activity", ["Gamma Gruppen ApS", "Alfa Avis ApS", "Beta Bank A/S"]),
        ("-overdue", ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"]),
        ("-open", ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"]),
        # Not on the allowlist: the default order, never an error.
        ("company; drop table", ["Beta Bank A/S", "Alfa Avis ApS", "Gamma Gruppen ApS"]),
        ("-tasks__title", ["Beta Bank A/S", "Alfa Avis ApS", "Gamma Gruppen ApS"]),
    ],
)
def test_sorting(client, three, enrolled_advisor, sort, expected):
    client.force_login(enrolled_advisor)
    assert _names(client.get(DASHBOARD, {"sort": sort})) == expected


def test_sort_links_say_which_column_sorts(client, three, enrolled_advisor):
    client.force_login(enrolled_advisor)
    response = client.get(DASHBOARD, {"sort": "company", "phase": Phase.WAY_IN})
    headers = {h["key"]: h for h in response.context["headers"]}
    assert headers["company"]["aria_sort"] == "ascending"
    assert headers["phase"]["aria_sort"] == ""
    assert "sort=-company" in headers["company"]["url"]
    assert f"phase={Phase.WAY_IN}" in headers["company"]["url"]  # filters are kept
    assert 'aria-sort="ascending"' in response.text
    response = client.get(DASHBOARD, {"sort": "-company"})
    assert 'aria-sort="descending"' in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"phase": Phase.RELATIONSHIP}, ["Beta Bank A/S"]),
        ({"overdue": "on"}, ["Alfa Avis ApS"]),
        ({"status": "closed"}, ["Gamma Gruppen ApS"]),
        ({"status": "active", "sort": "company"}, ["Alfa Avis ApS", "Beta Bank A/S"]),
        # Unknown values are reported on the form and ignored, never a 500.
        (
            {"phase": "nonsense", "sort": "company"},
            ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"],
        ),
        (
            {"programme": "abc", "sort": "company"},
            ["Alfa Avis ApS", "Beta Bank A/S", "Gamma Gruppen ApS"],
        ),
    ],
)
def test_filters(client, three, enrolled_advisor, params, expected):
    services.case_close(case=three[2], by=enrolled_advisor, reason="Slut")
    client.force_login(enrolled_advisor)
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    assert _names(response) == expected


def test_programme_filter(client, three, enrolled_advisor, unit, facilitator):
    from programme.programmes.services import programme_create_from_template

    other = programme_create_from_template(
        name="Forløb 2028",
        description="",
        starts_on=three[0].programme.starts_on,
        ends_on=three[0].programme.ends_on,
        user=facilitator,
    )
    _cases_for(enrolled_advisor, unit, other, 1)
    client.force_login(enrolled_advisor)
    assert len(_names(client.get(DASHBOARD))) == 4
    assert _names(client.get(DASHBOARD, {"programme": other.pk})) == [
        Case.objects.get(programme=other).company.name
    ]


def test_empty_states(client, enrolled_advisor, three, english):
    client.force_login(factories.advisor())
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "You have no cases yet" in response.text
    client.force_login(enrolled_advisor)
    response = client.get(DASHBOARD, {"phase": Phase.HANDOVER, "overdue": "on"})
    assert "No cases match the filter" in response.text


def test_next_development_meeting_is_shown(client, three, enrolled_advisor, programme):
    now = timezone.now()
    for meeting in programme.meetings.all():
        meeting.starts_at = now + timedelta(days=meeting.number * 7 - 10)
        meeting.ends_at = meeting.starts_at + timedelta(hours=2)
        meeting.save()
    client.force_login(enrolled_advisor)
    row = client.get(DASHBOARD).context["rows"][0]
    assert row.next_meeting_title == programme.meetings.get(number=2).title


def test_pagination_keeps_filters(client, programme, unit, enrolled_advisor):
    _cases_for(enrolled_advisor, unit, programme, 30)
    client.force_login(enrolled_advisor)
    response = client.get(DASHBOARD, {"phase": Phase.WAY_IN, "sort": "company"})
    assert len(response.context["rows"]) == 25
    assert f"phase={Phase.WAY_IN}" in response.text and "page=2" in response.text
    response = client.get(DASHBOARD, {"phase": Phase.WAY_IN, "sort": "company", "page": 2})
    assert len(response.context["rows"]) == 5


def test_registered_columns_are_computed_once_for_all_rows(
    client, three, enrolled_advisor, monkeypatch
):
    calls = []

    def compute(cases, *, reader):
        cases = list(cases)
        calls.append(len(cases))
        return {case.pk: f"værdi {case.pk}" if case.pk != three[1].pk else None for case in cases}

    monkeypatch.setitem(
        dashboard._columns,
        "test",
        dashboard.Column(key="test", label="Testkolonne", compute=compute),
    )
    client.force_login(enrolled_advisor)
    response = client.get(DASHBOARD)
    assert calls == [3]
    assert "Testkolonne" in response.text
    assert f"værdi {three[0].pk}" in response.text
    assert ">None<" not in response.text  # a missing value is a dash, not "None"


@pytest.mark.parametrize("count", [10, 200])
def test_dashboard_queries_do_not_grow(
    client, programme, unit, enrolled_advisor, colleague, count, django_assert_max_num_queries
):
    cases = _cases_for(enrolled_advisor, unit, programme, count)
    tasks = [CaseTask(case=case, title="t", due_on=timezone.localdate()) for case in cases]
    CaseTask.objects.bulk_create(tasks)
    AdvisorNote.objects.bulk_create(
        AdvisorNote(case=case, author=enrolled_advisor, text="n", shared_with_unit=True)
        for case in cases
    )
    client.force_login(colleague)
    _cases_for(colleague, unit, programme, 3)
    client.get(DASHBOARD)  # warm caches (session, content version)
    client.force_login(enrolled_advisor)
    with django_assert_max_num_queries(12):
        response = client.get(DASHBOARD, {"sort": "-overdue", "phase": Phase.WAY_IN})
    assert len(response.context["rows"]) == min(count, 25)
    client.force_login(colleague)
    with django_assert_max_num_queries(12):
        response = client.get(DASHBOARD)
    assert len(response.context["shared_notes"]) == min(count, 50)


# --- The facilitator's programme cases ------------------------------------------------


def test_programme_cases_for_facilitators_only(
    client, three, other_case, programme, facilitator, enrolled_advisor, owner, outsider
):
    url = reverse("matching:programme_cases", kwargs={"pk": programme.pk})
    client.force_login(facilitator)
    response = client.get(url, {"sort": "advisor"})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 4
    assert other_case.advisor.get_full_name() in response.text
    assert client.get(reverse("matching:programme_cases", kwargs={"pk": 999999})).status_code == 404
    for user in (enrolled_advisor, owner, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("count", [10, 200])
def test_programme_cases_queries_do_not_grow(
    client, programme, unit, enrolled_advisor, facilitator, count, django_assert_max_num_queries
):
    _cases_for(enrolled_advisor, unit, programme, count)
    client.force_login(facilitator)
    url = reverse("matching:programme_cases", kwargs={"pk": programme.pk})
    client.get(url)
    with django_assert_max_num_queries(10):
        response = client.get(url, {"sort": "meeting"})
    assert len(response.context["rows"]) == min(count, 25)


def test_case_page_queries_do_not_grow(
    client, case, owner, enrolled_advisor, django_assert_max_num_queries
):
    def fill(n):
        for i in range(n):
            services.goal_create(case=case, by=owner, title=f"Mål {i}")
            services.task_create(case=case, by=owner, title=f"Opgave {i}", owner=owner)
            services.case_meeting_create(
                case=case, by=owner, held_on=timezone.localdate(), participants="A", summary="B"
            )
            services.note_create(case=case, author=enrolled_advisor, text=f"Note {i}")

    url = reverse("matching:case_detail", kwargs={"pk": case.pk})
    client.force_login(enrolled_advisor)
    fill(2)
    client.get(url)
    with django_assert_max_num_queries(25) as small:
        client.get(url)
    fill(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
