"""The whole logbook as a table (Danish CSV and XLSX, through the core's table
export) and as JSON (entries with all fields and their comments) for the company's
own records.

The columns are the entry schema's (`entries.schema`) with the entry's id, kind
label, author, version and times around them. The JSON keeps the field names as
keys; the table has Danish headings (`COLUMN_LABELS`, the model's field names where
it has them), dates as dates and every text cell neutralised by the core.
"""

import datetime
import json
from collections.abc import Iterator

from django.db.models import Field
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from bifrost.core import spreadsheets
from bifrost.core.people import display_name
from bifrost.core.slugs import ascii_slug
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


def field_label(name: str) -> StrOrPromise:
    """An entry field's heading: the model's (translated) name of the field."""
    model_field = Entry._meta.get_field(name)
    assert isinstance(model_field, Field)  # the entry's own fields, never a reverse relation
    return capfirst(model_field.verbose_name)


#: The heading of each column (translatable; Danish in the files).
COLUMN_LABELS: dict[str, StrOrPromise] = {
    "id": _("Entry no."),
    "kind": _("Kind (code)"),
    "kind_label": _("Kind"),
    "entry_date": _("Date"),
    "author": _("Author"),
    **{name: field_label(name) for name in schema.CONTENT_FIELDS},
    "version": _("Version"),
    "created_at": _("Created"),
    "updated_at": _("Updated"),
    "comments": _("Comments"),
}


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


def _table_rows(logbook: Logbook) -> Iterator[list]:
    """One row per entry; lists one item a line; comments as "date – author: text"."""
    for entry in selectors.entries(logbook):
        row = entry_record(entry)
        row["entry_date"] = entry.entry_date
        row["created_at"] = entry.created_at
        row["updated_at"] = entry.updated_at
        row["comments"] = [
            f"{spreadsheets.danish_date(comment.created_at)} – {_name(comment.author)}: "
            f"{comment.text}"
            for comment in entry.comments.all()
        ]
        yield [row[column] for column in CSV_COLUMNS]


def logbook_table(logbook: Logbook) -> spreadsheets.Table:
    slug = ascii_slug(logbook.company.name, fallback="company")
    return spreadsheets.Table(
        columns=[COLUMN_LABELS[column] for column in CSV_COLUMNS],
        rows=lambda: _table_rows(logbook),
        sheet_title=_("Logbook"),
        filename=f"logbook-{slug}-{timezone.localdate().isoformat()}",
    )
