"""Every table export of the platform: CSV for Danish Excel and its XLSX twin.

One path for all of them: an app describes its table (translatable column headings
with English msgids, rows of typed values: numbers, dates, text, lists) and hands it
to `download(table, "csv" | "xlsx")`. Headings and any text the rows build are
rendered in Danish (`settings.LANGUAGE_CODE`) whatever the reader's language: the
files are for Danish spreadsheets.

CSV for Danish Excel: UTF-8 with a byte-order mark (or Excel guesses the code page),
semicolons between cells (the comma is the Danish decimal sign), decimal comma in
numbers, Danish dates (the site's short format, 02.12.2026 and 02.12.2026 14:30 in
Copenhagen time), "Ja"/"Nej" for yes/no, list items one a line in their cell.
XLSX keeps numbers and dates typed (real numeric and date cells).
Every text cell in both goes through `cells.neutralise`, so a name such as
"=HYPERLINK(...)" stays text and never runs as a formula.
"""

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from bifrost.core.cells import neutralise

BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}
FORMATS = tuple(CONTENT_TYPES)

Rows = Iterable[Sequence[Any]]


@dataclass(frozen=True)
class Table:
    """A table to export. `columns` are translatable headings (gettext_lazy, English
    msgids); `rows` an iterable of rows or a function returning one, evaluated in
    Danish so that labels the rows build (choice labels, "Unmatched") are Danish too;
    `filename` the file's name without the extension (ASCII)."""

    columns: Sequence[StrOrPromise]
    rows: Rows | Callable[[], Rows]
    sheet_title: StrOrPromise
    filename: str

    def evaluated_rows(self) -> Rows:
        return self.rows() if callable(self.rows) else self.rows


def danish_number(value: Decimal | float | int) -> str:
    """12.5 → "12,5" (no thousands separator: Excel reads it back as a number)."""
    if isinstance(value, int):
        return str(value)
    text = format(value, "f") if isinstance(value, Decimal) else repr(float(value))
    return text.replace(".", ",")


def danish_date(value: datetime.date | datetime.datetime) -> str:
    """The site's Danish short date (02.12.2026); a moment also with its Copenhagen
    time (02.12.2026 14:30)."""
    with translation.override("da"):
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return formats.date_format(value, "SHORT_DATETIME_FORMAT")
        return formats.date_format(value, "SHORT_DATE_FORMAT")


def _list_text(values) -> str:
    return "\n".join("" if value is None else str(value) for value in values)


def csv_cell(value) -> str:
    """One value as a cell of the Danish CSV (None is an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | Decimal | float):
        return danish_number(value)
    if isinstance(value, datetime.date):
        return danish_date(value)
    if isinstance(value, list | tuple):
        return neutralise(_list_text(value))
    return neutralise(str(value))


def csv_for_excel(header: Sequence[StrOrPromise], rows: Rows) -> bytes:
    """Semicolon-separated, decimal comma, Danish dates, UTF-8 with BOM."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(str(cell)) for cell in header])
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def _xlsx_cell(value):
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)  # Excel has no time zones: local time is written
    if isinstance(value, list | tuple):
        return neutralise(_list_text(value))
    if isinstance(value, str):
        return neutralise(value)
    if value is None or isinstance(value, int | float | Decimal | datetime.date):
        return value
    return neutralise(str(value))  # a lazy translation, a model's label


def xlsx(header: Sequence[StrOrPromise], rows: Rows, *, sheet_title: StrOrPromise) -> bytes:
    """One sheet: a bold header row, then the rows (numbers and dates stay typed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(str(sheet_title))
    sheet.append([neutralise(str(cell)) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "DD.MM.YYYY HH:MM"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    # Excel refuses these characters and more than 31 characters in a sheet's name.
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in neutralise(title))
    return cleaned.strip()[:31] or "Data"


def render(table: Table, fmt: str) -> bytes:
    """The table as a file in `fmt` ("csv" or "xlsx"), headings and rows in Danish."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"unknown table format {fmt!r}")
    with translation.override(settings.LANGUAGE_CODE):
        if fmt == "csv":
            return csv_for_excel(table.columns, table.evaluated_rows())
        return xlsx(table.columns, table.evaluated_rows(), sheet_title=table.sheet_title)


def download(table: Table, fmt: str) -> HttpResponse:
    """The table as an attachment, never cached (exports can hold personal data)."""
    response = HttpResponse(render(table, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{table.filename}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
