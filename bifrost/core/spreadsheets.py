"""Tables as files a Danish spreadsheet opens as they are: CSV for Danish Excel and XLSX.

CSV for Danish Excel: UTF-8 with a byte-order mark (or Excel guesses the code page),
semicolons between cells (the comma is the Danish decimal sign), decimal comma in
numbers, ISO dates (Excel reads them as dates). XLSX keeps numbers and dates typed.
Every text cell in both goes through `cells.neutralise`, so a name such as
"=HYPERLINK(...)" stays text and never runs as a formula.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from bifrost.core.cells import neutralise

BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def danish_number(value: Decimal | float) -> str:
    """12.5 → "12,5" (no thousands separator: Excel reads it back as a number)."""
    text = format(value, "f") if isinstance(value, Decimal) else repr(float(value))
    return text.replace(".", ",")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal | float):
        return danish_number(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


def csv_for_excel(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """Semicolon-separated, decimal comma, UTF-8 with BOM."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(str(cell)) for cell in header])
    for row in rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_cell(value):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones: local time is written
    if isinstance(value, str):
        return neutralise(value)
    return value


def xlsx(header: Sequence[str], rows: Iterable[Sequence], *, sheet_title: str) -> bytes:
    """One sheet: a bold header row, then the rows (numbers and dates stay typed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = neutralise(sheet_title)[:31] or "Data"
    sheet.append([neutralise(str(cell)) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
