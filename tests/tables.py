"""Reading the table exports back in tests (bifrost/core/spreadsheets.py): the Danish
CSV (BOM, semicolons) and the XLSX twin."""

import csv
import io

from openpyxl import load_workbook

BOM = "\ufeff"


def csv_rows(content: bytes) -> list[list[str]]:
    """Every row of a Danish CSV, the header first; fails without the BOM."""
    text = content.decode("utf-8")
    assert text.startswith(BOM), "the CSV has no byte-order mark"
    return list(csv.reader(io.StringIO(text[len(BOM) :]), delimiter=";"))


def csv_records(content: bytes, keys) -> list[dict[str, str]]:
    """The data rows as dicts keyed by `keys` (the export's column keys, in order)."""
    header, *rows = csv_rows(content)
    assert len(header) == len(keys)
    return [dict(zip(keys, row, strict=True)) for row in rows]


def xlsx_sheet(content: bytes):
    return load_workbook(io.BytesIO(content)).active


def xlsx_rows(content: bytes) -> list[tuple]:
    return list(xlsx_sheet(content).iter_rows(values_only=True))
