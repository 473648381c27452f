"""CSV, XLSX and JSON of the whole logbook: every field and comment, Danish headings,
dates as dates, safe to open in a spreadsheet."""

import datetime
import json

import pytest
from django.utils import timezone

from bifrost.core import spreadsheets
from logbook.exports import downloads
from logbook.models import Entry, EntryComment
from tests.logbook.factories import EntryFactory
from tests.tables import csv_records, csv_rows, xlsx_rows, xlsx_sheet

pytestmark = pytest.mark.django_db


def _csv(logbook) -> bytes:
    return spreadsheets.render(downloads.logbook_table(logbook), "csv")


def _records(logbook) -> list[dict[str, str]]:
    return csv_records(_csv(logbook), downloads.CSV_COLUMNS)


def test_csv_has_all_fields_and_comments(logbook, owner, enrolled_advisor, entries):
    EntryComment.objects.create(entry=entries[1], author=enrolled_advisor, text="Godt tiltag")
    rows = _records(logbook)
    assert [row["title"] for row in rows] == [e.title for e in entries]
    initiative = rows[1]
    assert initiative["kind"] == "initiative"
    assert initiative["for_whom"] == "Hele redaktionen"
    assert initiative["when_text"] == "Mandage kl. 9"
    assert initiative["expected_effect"] == "Færre misforståelser om opgaver"
    assert initiative["author"] == owner.get_full_name()
    assert "Godt tiltag" in initiative["comments"]
    assert enrolled_advisor.get_full_name() in initiative["comments"]
    assert rows[2]["hindrances"] == "Deadlines samles om torsdagen"
    assert rows[2]["helps"] == "Korte møder"
    assert rows[0]["entry_date"] == entries[0].entry_date.strftime("%d.%m.%Y")


def test_the_headings_are_danish_and_the_file_is_for_danish_excel(logbook, owner, entries, english):
    content = _csv(logbook)
    assert content.startswith("\ufeff".encode())
    assert b";" in content.splitlines()[0]
    header = csv_rows(content)[0]
    assert header[header.index("Titel")] == "Titel"
    for danish in ("Dato", "Version", "Oprettet", "Opdateret", "Kommentarer"):
        assert danish in header
    assert "title" not in header and "Title" not in header


def test_the_xlsx_twin_has_dates_and_numbers(logbook, owner, entries):
    content = spreadsheets.render(downloads.logbook_table(logbook), "xlsx")
    rows = xlsx_rows(content)
    assert len(rows) == 1 + len(entries)
    columns = downloads.CSV_COLUMNS
    first = dict(zip(columns, rows[1], strict=True))
    assert first["id"] == entries[0].pk
    assert first["version"] == 1
    assert first["entry_date"] == datetime.datetime.combine(entries[0].entry_date, datetime.time())
    sheet = xlsx_sheet(content)
    assert sheet.cell(row=2, column=columns.index("entry_date") + 1).is_date
    assert sheet.cell(row=2, column=columns.index("id") + 1).data_type == "n"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_look_like_formulas_are_neutralised(logbook, owner, start):
    EntryFactory(
        logbook=logbook,
        author=owner,
        title=f'{start}HYPERLINK("http://x")',
        body=f"{start}1+1",
        for_whom="Team",
    )
    row = _records(logbook)[0]
    assert row["title"] == f'\'{start}HYPERLINK("http://x")'
    assert row["body"] == f"'{start}1+1"
    assert row["for_whom"] == "Team"


def test_csv_cell():
    assert spreadsheets.csv_cell("=SUM(A1)") == "'=SUM(A1)"
    assert spreadsheets.csv_cell("\t=1") == "'\t=1"
    assert spreadsheets.csv_cell("Almindelig tekst") == "Almindelig tekst"
    assert spreadsheets.csv_cell(None) == ""
    assert spreadsheets.csv_cell(3) == "3"


def test_json_has_all_fields_and_comments(logbook, owner, enrolled_advisor, entries):
    EntryComment.objects.create(entry=entries[0], author=enrolled_advisor, text="Tak for notatet")
    data = json.loads(downloads.logbook_json(logbook))
    assert data["company"] == logbook.company.name
    assert data["programme"] == logbook.programme.name
    first = data["entries"][0]
    assert first["title"] == "Travlhed i redaktionen"
    assert first["comments"] == [
        {
            "author": enrolled_advisor.get_full_name(),
            "created_at": first["comments"][0]["created_at"],
            "text": "Tak for notatet",
        }
    ]
    assert data["entries"][2]["hindrances"] == ["Deadlines samles om torsdagen"]
    assert set(first) == set(downloads.CSV_COLUMNS)


def test_csv_and_json_leave_deleted_entries_out(logbook, owner, entries):
    Entry.objects.filter(pk=entries[0].pk).update(deleted_at=timezone.now())
    assert "Travlhed i redaktionen" not in _csv(logbook).decode()
    assert "Travlhed i redaktionen" not in downloads.logbook_json(logbook).decode()
