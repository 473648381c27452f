"""The whole logbook as CSV and JSON (entries with all fields and their comments) for
the company's own records.

The columns are the entry schema's (`entries.schema`) with the entry's id, kind
label, author, version and times around them. Every CSV cell that a spreadsheet
would read as a formula is neutralised (`bifrost.core.cells`).
"""

import csv
import datetime
import io
import json

from django.utils import timezone

from bifrost.core.cells import neutralise
from bifrost.core.people import display_name
from logbook.entries import schema
from logbook.exports import selectors
from logbook.models import Entry, Logbook

CSV_COLUMNS = [
    "id",
    "kind",
    "kind_label",
    "entry_date",
    "author",
    *schema.CONTENT_FIELDS,
    "version",
    "created_at",
    "updated_at",
    "comments",
]
# Columns holding lists, written one item a line in a CSV cell.
_LIST_COLUMNS = (*schema.LINE_FIELDS, *schema.LINK_FIELDS)


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet will not run (None is an empty cell)."""
    return neutralise("" if value is None else str(value))


def _name(user) -> str:
    return display_name(user)  # "Former user" once the author deleted their account


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.astimezone(datetime.UTC).isoformat() if moment else None


def entry_record(entry: Entry) -> dict:
    """One entry with all its fields and comments, as plain data."""
    record: dict = {
        "id": entry.pk,
        "kind": entry.kind,
        "kind_label": str(entry.get_kind_display()),
        "entry_date": entry.entry_date.isoformat(),
        "author": _name(entry.author),
    }
    for name in schema.TEXT_FIELDS:
        record[name] = getattr(entry, name)
    for name in schema.LINE_FIELDS:
        record[name] = list(getattr(entry, name) or [])
    record[schema.MEETING_FIELD] = entry.meeting.title if entry.meeting else None
    for name in schema.LINK_FIELDS:
        record[name] = [item.title for item in getattr(entry, name).all()]
    record.update(
        {
            "version": entry.version,
            "created_at": _iso(entry.created_at),
            "updated_at": _iso(entry.updated_at),
            "comments": [
                {
                    "author": _name(comment.author),
                    "created_at": _iso(comment.created_at),
                    "text": comment.text,
                }
                for comment in entry.comments.all()
            ],
        }
    )
    return record


def logbook_records(logbook: Logbook) -> list[dict]:
    return [entry_record(entry) for entry in selectors.entries(logbook)]


def logbook_json(logbook: Logbook) -> bytes:
    data = {
        "company": logbook.company.name,
        "programme": logbook.programme.name,
        "exported_at": _iso(timezone.now()),
        "entries": logbook_records(logbook),
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def _list_cell(values) -> str:
    return "\n".join(str(value) for value in values)


def logbook_csv(logbook: Logbook) -> bytes:
    """One row per entry; lists one item a line; comments as "date – author: text"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in logbook_records(logbook):
        row = dict(record)
        for key in _LIST_COLUMNS:
            row[key] = _list_cell(record[key])
        row["comments"] = _list_cell(
            f"{comment['created_at']} – {comment['author']}: {comment['text']}"
            for comment in record["comments"]
        )
        writer.writerow([csv_cell(row[column]) for column in CSV_COLUMNS])
    # A byte-order mark so that spreadsheet programs read æ, ø and å correctly.
    return ("\ufeff" + buffer.getvalue()).encode()
