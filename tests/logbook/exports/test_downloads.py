"""CSV and JSON of the whole logbook: every field and comment, safe to open in a
spreadsheet."""

import csv
import io
import json

import pytest
from django.utils import timezone

from logbook.exports import downloads
from logbook.models import Entry, EntryComment
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_csv_has_all_fields_and_comments(logbook, owner, enrolled_advisor, entries):
    EntryComment.objects.create(entry=entries[1], author=enrolled_advisor, text="Godt tiltag")
    content = downloads.logbook_csv(logbook).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
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
    assert set(downloads.CSV_COLUMNS) == set(rows[0])


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_look_like_formulas_are_neutralised(logbook, owner, start):
    EntryFactory(
        logbook=logbook,
        author=owner,
        title=f'{start}HYPERLINK("http://x")',
        body=f"{start}1+1",
        for_whom="Team",
    )
    content = downloads.logbook_csv(logbook).decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(content)))
    assert row["title"] == f'\'{start}HYPERLINK("http://x")'
    assert row["body"] == f"'{start}1+1"
    assert row["for_whom"] == "Team"


def test_csv_cell():
    assert downloads.csv_cell("=SUM(A1)") == "'=SUM(A1)"
    assert downloads.csv_cell("\t=1") == "'\t=1"
    assert downloads.csv_cell("Almindelig tekst") == "Almindelig tekst"
    assert downloads.csv_cell(None) == ""
    assert downloads.csv_cell(3) == "3"


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
    assert "Travlhed i redaktionen" not in downloads.logbook_csv(logbook).decode()
    assert "Travlhed i redaktionen" not in downloads.logbook_json(logbook).decode()
