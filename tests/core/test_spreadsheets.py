"""The one path of every table export: Danish CSV (BOM, semicolons, decimal comma,
Danish dates, Danish headings) and an XLSX twin with typed cells; formulas defused."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from bifrost.core import spreadsheets

MOMENT = datetime.datetime(2026, 12, 2, 13, 30, tzinfo=datetime.UTC)  # 14:30 in Copenhagen


def _table(rows=None) -> spreadsheets.Table:
    return spreadsheets.Table(
        columns=[gettext_lazy("Company"), gettext_lazy("Average"), gettext_lazy("Date")],
        rows=rows
        if rows is not None
        else [
            ["=HYPERLINK(1)", Decimal("1.5"), datetime.date(2026, 12, 2)],
            ["Forlaget Nord", 3.8, MOMENT],
            ["-Minus", -2, None],
            [["første", "anden"], True, ""],
        ],
        sheet_title=gettext_lazy("Companies"),
        filename="table-test",
    )


def _csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith(spreadsheets.BOM)
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_csv_is_for_danish_excel_whatever_the_readers_language():
    with translation.override("en"):
        content = spreadsheets.render(_table(), "csv")
    rows = _csv_rows(content)
    assert rows[0] == ["Virksomhed", "Gennemsnit", "Dato"]
    assert b";" in content.splitlines()[0]
    assert rows[1] == ["'=HYPERLINK(1)", "1,5", "02.12.2026"]
    assert rows[2] == ["Forlaget Nord", "3,8", "02.12.2026 14:30"]
    assert rows[3] == ["'-Minus", "-2", ""]
    assert rows[4][0] == "første\nanden"


def test_rows_given_as_a_function_are_built_in_danish():
    def rows():
        return [[str(gettext_lazy("Company")), 1, None]]

    with translation.override("en"):
        rows_out = _csv_rows(spreadsheets.render(_table(rows), "csv"))
    assert rows_out[1][0] == "Virksomhed"


def test_the_xlsx_twin_has_typed_cells_and_defused_formulas():
    workbook = load_workbook(io.BytesIO(spreadsheets.render(_table(), "xlsx")))
    sheet = workbook.active
    assert sheet.title == "Virksomheder"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Virksomhed", "Gennemsnit", "Dato")
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][1] == 1.5
    assert isinstance(sheet.cell(row=2, column=2).value, int | float)
    assert rows[1][2].date() == datetime.date(2026, 12, 2)
    assert sheet.cell(row=2, column=3).is_date
    assert rows[2][2] == timezone.localtime(MOMENT).replace(tzinfo=None)
    assert rows[3][0] == "'-Minus"
    assert rows[3][1] == -2


def test_the_download_is_an_attachment_that_is_never_cached():
    response = spreadsheets.download(_table(), "xlsx")
    assert response["Content-Type"] == spreadsheets.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="table-test.xlsx"'
    assert "no-store" in response["Cache-Control"]
    csv_response = spreadsheets.download(_table(), "csv")
    assert csv_response["Content-Type"].startswith("text/csv")


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown table format"):
        spreadsheets.render(_table(), "ods")


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("12.50"), "12,50"), (3.8, "3,8"), (7, "7"), (-1, "-1"), (None, "")],
)
def test_numbers_get_the_decimal_comma(value, text):
    assert spreadsheets.csv_cell(value) == text
