"""A match run as Danish CSV and XLSX: pairs and unmatched companies, Danish headings,
numbers with the decimal comma (typed in XLSX), formulas defused."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from bifrost.core import spreadsheets
from bifrost.core.cells import neutralise
from matching.runs import services
from matching.runs.exports import run_table
from tests.matching.builders import SM, add_advisor, add_company, challenge_only


@pytest.fixture
def run(programme, facilitator):
    challenge_only(programme)
    add_company(programme, "=HYPERLINK(1)")
    add_company(programme, "@Uden", profile=False)
    add_advisor(programme, "+X", competences={SM: "strong"})
    return services.match_run_create(programme=programme, mode="max_total", by=facilitator)


def _csv(run) -> list[list[str]]:
    content = spreadsheets.render(run_table(run), "csv").decode("utf-8")
    assert content.startswith(spreadsheets.BOM)
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def test_csv_lists_pairs_and_unmatched_and_defuses_formulas(run, english):
    rows = _csv(run)
    assert rows[0][:4] == ["Virksomhed", "Rådgiver", "Rådgiverenhed", "Score"]
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][1] == "'+X"
    assert rows[1][2] == "Enhed +X"
    assert rows[1][3] == "100"
    assert rows[1][4] == "100,0"
    assert rows[2][0] == "'@Uden"
    assert len({len(row) for row in rows}) == 1


def test_xlsx_has_numeric_scores(run):
    sheet = load_workbook(io.BytesIO(spreadsheets.render(run_table(run), "xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Virksomhed"
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][3] == 100
    assert sheet.cell(row=2, column=5).data_type == "n"
    assert rows[1][4] == 100.0


def test_both_files_download_from_the_run_page(client, facilitator, run):
    client.force_login(facilitator)
    page = client.get(reverse("matching:run", args=[run.pk])).content.decode()
    csv_url = reverse("matching:run_csv", args=[run.pk])
    xlsx_url = reverse("matching:run_xlsx", args=[run.pk])
    assert csv_url in page and xlsx_url in page
    response = client.get(xlsx_url)
    assert response["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == f'attachment; filename="match-run-{run.pk}.xlsx"'


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1"])
def test_csv_cell_prefixes_dangerous_values(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Forlaget") == "Forlaget"
