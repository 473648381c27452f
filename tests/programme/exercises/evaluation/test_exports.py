"""The evaluation's results split into companies and advisors (by their role in the
programme), on the page and in the Danish CSV/XLSX export; a group too small to hide
a person is not shown apart; the files are for the facilitators only."""

import pytest
from django.urls import reverse
from django.utils import translation

from bifrost.core import spreadsheets
from programme.exercises.evaluation import exports, selectors, services
from programme.exercises.evaluation.questionnaire import EVALUATION_QUESTIONS
from tests import factories
from tests.programme.exercises.helpers import answers_of
from tests.tables import csv_rows, xlsx_rows, xlsx_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(meeting6, company, unit, owner, enrolled_advisor):
    """Three company people answer 5, 4, 4 (useful 2, 2, 3); three advisors 2, 2, 1."""
    owners = [
        owner,
        factories.smv_owner(organisation=company),
        factories.smv_owner(organisation=company),
    ]
    advisors = [
        enrolled_advisor,
        factories.advisor(organisation=unit),
        factories.advisor(organisation=unit),
    ]
    for person, value, useful in zip(owners, (5, 4, 4), (2, 2, 3), strict=True):
        services.evaluation_submit(
            meeting=meeting6, respondent=person, answers=answers_of(value, useful=useful)
        )
    for person, value in zip(advisors, (2, 2, 1), strict=True):
        services.evaluation_submit(meeting=meeting6, respondent=person, answers=answers_of(value))
    return meeting6


def _danish(text) -> str:
    with translation.override("da"):
        return str(text)


def _group(summary, key):
    return next(group for group in summary["groups"] if group.key == key)


def _question(questions, key):
    return next(question for question in questions if question.key == key)


def test_the_results_are_split_by_role(answered):
    summary = selectors.evaluation_summary(answered)
    companies, advisors = _group(summary, "companies"), _group(summary, "advisors")
    assert (companies.responded, companies.participants) == (3, 3)
    assert (advisors.responded, advisors.participants) == (3, 3)
    assert str(_question(companies.questions, "tools").average) == "4.3"  # (5+4+4)/3
    assert str(_question(advisors.questions, "tools").average) == "1.7"  # (2+2+1)/3
    assert str(_question(summary["questions"], "tools").average) == "3.0"
    assert str(_question(companies.questions, "useful").average) == "2.3"


def test_a_group_with_too_few_answers_is_not_shown_apart(
    meeting6, owner, company, enrolled_advisor
):
    for person in (
        owner,
        factories.smv_owner(organisation=company),
        factories.smv_owner(organisation=company),
    ):
        services.evaluation_submit(meeting=meeting6, respondent=person, answers=answers_of(4))
    services.evaluation_submit(meeting=meeting6, respondent=enrolled_advisor, answers=answers_of(1))
    summary = selectors.evaluation_summary(meeting6)
    assert summary["groups"] == []
    assert summary["split_withheld"]
    rows = csv_rows(spreadsheets.render(exports.evaluation_table(meeting6), "csv"))
    assert {row[0] for row in rows[1:]} == {_danish(selectors.EVERYONE_LABEL)}


def test_the_page_shows_the_split_and_offers_both_files(client, facilitator, answered, english):
    client.force_login(facilitator)
    html = client.get(reverse("programme:exercise_evaluation", args=[answered.pk])).content.decode()
    assert 'data-testid="average-companies-tools">4.3' in html
    assert 'data-testid="average-advisors-tools">1.7' in html
    assert 'data-testid="average-all-tools">3.0' in html
    assert reverse("programme:evaluation_csv", args=[answered.pk]) in html
    assert reverse("programme:evaluation_xlsx", args=[answered.pk]) in html


def test_the_page_shows_danish_decimals(client, facilitator, answered):
    client.force_login(facilitator)
    html = client.get(reverse("programme:exercise_evaluation", args=[answered.pk])).content.decode()
    assert 'data-testid="average-companies-tools">4,3' in html


def test_the_csv_is_danish_and_split(client, facilitator, answered):
    client.force_login(facilitator)
    response = client.get(reverse("programme:evaluation_csv", args=[answered.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith("\ufeff".encode())
    rows = csv_rows(response.content)
    assert rows[0][:2] == ["Gruppe", "Deltagere"]
    assert rows[0][5] == "Gennemsnit"
    assert b";" in response.content.splitlines()[0]
    groups = [row[0] for row in rows[1:]]
    assert groups.count("Virksomheder") == groups.count("Rådgivere") == 5
    tools = {
        row[0]: row for row in rows[1:] if row[3] == _danish(dict(EVALUATION_QUESTIONS)["tools"])
    }
    assert tools["Virksomheder"][5] == "4,3"
    assert tools["Rådgivere"][5] == "1,7"
    assert tools["Virksomheder"][1:3] == ["3", "3"]
    assert tools["Rådgivere"][6:11] == ["1", "2", "0", "0", "0"]


def test_the_xlsx_has_numeric_cells(client, facilitator, answered):
    client.force_login(facilitator)
    response = client.get(reverse("programme:evaluation_xlsx", args=[answered.pk]))
    assert response["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
    rows = xlsx_rows(response.content)
    assert rows[0][0] == "Gruppe"
    advisors = [row for row in rows[1:] if row[0] == "Rådgivere"]
    assert len(advisors) == 5
    assert all(isinstance(row[5], int | float) for row in advisors)
    assert xlsx_sheet(response.content).cell(row=2, column=6).data_type == "n"


@pytest.mark.parametrize("who", ["owner", "enrolled_advisor", "outsider"])
@pytest.mark.parametrize("name", ["evaluation_csv", "evaluation_xlsx"])
def test_only_facilitators_get_the_files(client, answered, who, name, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(f"programme:{name}", args=[answered.pk])).status_code == 404


def test_a_meeting_without_the_evaluation_is_404(client, facilitator, meeting):
    client.force_login(facilitator)
    assert client.get(reverse("programme:evaluation_csv", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("programme:evaluation_xlsx", args=[999999])).status_code == 404
