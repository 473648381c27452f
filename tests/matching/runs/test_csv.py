"""A match run as CSV: pairs and unmatched companies, formulas defused."""

import csv
import io

import pytest

from bifrost.core.cells import neutralise
from matching.runs import services
from matching.runs.csv import run_csv
from tests.matching.builders import SM, add_advisor, add_company, challenge_only


def test_csv_lists_pairs_and_unmatched_and_defuses_formulas(programme, facilitator, english):
    challenge_only(programme)
    add_company(programme, "=HYPERLINK(1)")
    add_company(programme, "@Uden", profile=False)
    add_advisor(programme, "+X", competences={SM: "strong"})
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    rows = list(csv.reader(io.StringIO(run_csv(run))))
    assert rows[0][:4] == ["Company", "Advisor", "Advisory unit", "Score"]
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][1] == "'+X"
    assert rows[1][2] == "Enhed +X"
    assert rows[1][3] == "100"
    assert rows[1][4] == "100.0"
    assert rows[1][8] == "Proposed"
    assert rows[2][0] == "'@Uden"
    assert rows[2][8] == "Unmatched"
    assert rows[2][9] == "The company has not filled in its profile."


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1"])
def test_csv_cell_prefixes_dangerous_values(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Forlaget") == "Forlaget"
