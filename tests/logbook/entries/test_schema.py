"""The one schema of an entry's fields: every other field list is derived from it."""

import datetime

import pytest

from logbook.entries import forms, schema
from logbook.exports import downloads, research
from logbook.models import Entry


def test_the_groups_cover_every_field_once():
    groups = [
        ("kind", "entry_date"),
        schema.TEXT_FIELDS,
        schema.LINE_FIELDS,
        (schema.MEETING_FIELD,),
        schema.LINK_FIELDS,
    ]
    names = [name for group in groups for name in group]
    assert sorted(names) == sorted(schema.FIELDS)
    assert len(names) == len(set(names))
    assert ("kind", "entry_date", *schema.CONTENT_FIELDS) == schema.FIELDS


def test_every_field_is_a_field_of_the_model():
    model_fields = {field.name for field in Entry._meta.get_fields()}
    assert set(schema.FIELDS) <= model_fields


def test_kind_specific_fields_and_their_empty_values():
    assert schema.KIND_SPECIFIC == (
        "for_whom",
        "when_text",
        "expected_effect",
        "hindrances",
        "helps",
    )
    assert schema.EMPTY == {
        "for_whom": "",
        "when_text": "",
        "expected_effect": "",
        "hindrances": [],
        "helps": [],
    }
    assert set(schema.KIND_FIELDS) == set(Entry.Kind.values)


@pytest.mark.django_db
def test_a_snapshot_keeps_every_field(logbook):
    entry = Entry(
        logbook=logbook,
        kind=Entry.Kind.PROBLEM_FOCUS,
        title="x",
        entry_date=datetime.date(2027, 6, 1),
    )
    assert tuple(schema.snapshot(entry, goal_ids=[], page_ids=[])) == schema.FIELDS


def test_the_form_drafts_and_exports_use_the_schema(db, logbook):
    assert set(schema.FIELDS) <= set(forms.EntryForm(logbook=logbook).fields)
    assert forms.DRAFT_FIELDS == schema.FIELDS
    assert [c for c in downloads.CSV_COLUMNS if c in schema.FIELDS] == list(schema.FIELDS)
    assert set(schema.WRITTEN_FIELDS) | set(schema.LINK_FIELDS) <= set(research.COLUMNS)
