"""Entry services: versions, conflicts, drafts, soft delete and purge."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from logbook.entries import schema, services
from logbook.models import Entry, EntryDraft, EntryVersion
from tests.logbook.factories import EntryFactory


def _data(**kwargs):
    values = {
        "kind": Entry.Kind.PROBLEM_FOCUS,
        "entry_date": datetime.date(2027, 6, 1),
        "title": "Arbejdspres",
        "body": "Vi oplever travlhed.",
    }
    values.update(kwargs)
    return schema.EntryData(**values)


def test_purge_deletes_only_entries_deleted_more_than_30_days_ago(logbook):
    now = timezone.now()
    old = EntryFactory(logbook=logbook, deleted_at=now - timedelta(days=31))
    recent = EntryFactory(logbook=logbook, deleted_at=now - timedelta(days=29))
    live = EntryFactory(logbook=logbook)
    assert services.entries_purge_expired(now=now) == 1
    remaining = set(Entry.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, live.pk}
    assert old.pk not in remaining
    assert services.entries_purge_expired(now=now) == 0


def test_create_keeps_version_one_and_drops_the_new_entry_draft(logbook, owner):
    services.draft_save(
        logbook=logbook, entry=None, user=owner, data={"title": "x"}, base_version=None
    )
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    assert entry.version == 1
    assert entry.author == owner
    assert list(entry.versions.values_list("number", flat=True)) == [1]
    assert not EntryDraft.objects.exists()


def test_update_on_stale_version_is_a_conflict_and_writes_nothing(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    services.entry_update(entry=entry, by=owner, data=_data(body="Første"), base_version=1)
    with pytest.raises(services.EntryConflict) as caught:
        services.entry_update(entry=entry, by=owner, data=_data(body="Anden"), base_version=1)
    assert caught.value.entry.body == "Første"
    entry.refresh_from_db()
    assert entry.version == 2
    assert entry.body == "Første"


def test_forced_save_on_top_keeps_both_versions(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    services.entry_update(entry=entry, by=owner, data=_data(body="Første"), base_version=1)
    services.entry_update(
        entry=entry, by=owner, data=_data(body="Anden"), base_version=1, force=True
    )
    entry.refresh_from_db()
    assert entry.version == 3
    bodies = [v.data["body"] for v in EntryVersion.objects.filter(entry=entry)]
    assert bodies == ["Anden", "Første", "Vi oplever travlhed."]


def test_kind_specific_fields_of_other_kinds_are_emptied(logbook, owner):
    entry = services.entry_create(
        logbook=logbook,
        by=owner,
        data=_data(kind=Entry.Kind.PROBLEM_FOCUS, for_whom="Alle", hindrances=["Travlhed"]),
    )
    assert entry.for_whom == ""
    assert entry.hindrances == []


def test_reflection_needs_an_item_and_initiative_needs_a_text(logbook, owner):
    with pytest.raises(ValidationError) as caught:
        services.entry_create(
            logbook=logbook, by=owner, data=_data(kind=Entry.Kind.REFLECTION, body="")
        )
    assert "hindrances" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.entry_create(
            logbook=logbook, by=owner, data=_data(kind=Entry.Kind.INITIATIVE, body=" ")
        )
    assert "body" in caught.value.message_dict
    entry = services.entry_create(
        logbook=logbook,
        by=owner,
        data=_data(kind=Entry.Kind.REFLECTION, body="", hindrances=[" Travlhed ", ""], helps=[]),
    )
    assert entry.hindrances == ["Travlhed"]


def test_meeting_of_another_programme_is_refused(logbook, owner, meeting):
    from programme.models import Meeting

    other = Meeting.objects.exclude(programme=logbook.programme).first()
    assert services.entry_create(logbook=logbook, by=owner, data=_data(meeting=meeting))
    if other is not None:
        with pytest.raises(ValidationError):
            services.entry_create(logbook=logbook, by=owner, data=_data(meeting=other))


def test_restore_version_saves_a_new_version(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data(body="Gammel"))
    entry = services.entry_update(entry=entry, by=owner, data=_data(body="Ny"), base_version=1)
    first = entry.versions.get(number=1)
    entry = services.entry_restore_version(entry=entry, version=first, by=owner)
    assert entry.version == 3
    assert entry.body == "Gammel"
    assert entry.versions.count() == 3


def test_delete_and_undo(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    services.entry_delete(entry=entry, by=owner)
    entry.refresh_from_db()
    assert entry.deleted_at is not None
    services.entry_undelete(entry=entry, by=owner)
    entry.refresh_from_db()
    assert entry.deleted_at is None
    Entry.objects.filter(pk=entry.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    with pytest.raises(ValidationError):
        services.entry_undelete(entry=entry, by=owner)


def test_drafts_one_per_person_and_entry(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    services.draft_save(logbook=logbook, entry=entry, user=owner, data={"a": 1}, base_version=1)
    services.draft_save(logbook=logbook, entry=entry, user=owner, data={"a": 2}, base_version=1)
    services.draft_save(logbook=logbook, entry=None, user=owner, data={"b": 1}, base_version=None)
    services.draft_save(logbook=logbook, entry=None, user=owner, data={"b": 2}, base_version=None)
    assert EntryDraft.objects.count() == 2
    assert EntryDraft.objects.get(entry=entry).data == {"a": 2}
    services.entry_update(entry=entry, by=owner, data=_data(), base_version=1)
    assert EntryDraft.objects.count() == 1


def test_update_of_an_entry_deleted_meanwhile_is_a_validation_error(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    services.entry_delete(entry=entry, by=owner)
    with pytest.raises(ValidationError):
        services.entry_update(entry=entry, by=owner, data=_data(body="Ny"), base_version=1)
