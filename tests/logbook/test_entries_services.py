"""Entry services: versions, conflicts, drafts, soft delete and purge, logbook_for."""

import datetime
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from logbook import services
from logbook.models import Entry, EntryDraft, EntryVersion, Logbook
from tests.logbook.factories import EntryFactory


def _data(**kwargs):
    values = {
        "kind": Entry.Kind.PROBLEM_FOCUS,
        "entry_date": datetime.date(2027, 6, 1),
        "title": "Arbejdspres",
        "body": "Vi oplever travlhed.",
    }
    values.update(kwargs)
    return services.EntryData(**values)


def test_logbook_for_creates_once_with_default_consent(programme, company):
    first = services.logbook_for(programme=programme, company=company)
    second = services.logbook_for(programme=programme, company=company)
    assert first.pk == second.pk
    assert Logbook.objects.count() == 1
    assert first.share_with_advisor is True
    assert first.share_with_researchers is False


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


def test_consent_update_records_who_and_when(logbook, owner):
    services.consent_update(
        logbook=logbook, by=owner, share_with_advisor=False, share_with_researchers=True
    )
    logbook.refresh_from_db()
    assert logbook.share_with_advisor is False
    assert logbook.share_with_researchers is True
    assert logbook.consent_updated_by == owner
    assert logbook.consent_updated_at is not None


# --- the advisor dashboard column -------------------------------------------------------


def _column():
    from matching.cases import dashboard

    return next(c for c in dashboard.columns() if c.key == "logbook_entries")


def test_dashboard_column_counts_entries_since_the_last_started_meeting(
    programme, company, unit, enrolled_advisor, logbook, django_assert_max_num_queries
):
    from matching.models import Case
    from tests import factories
    from tests.matching.factories import CaseFactory

    now = timezone.now()
    first = programme.meetings.get(number=1)
    first.starts_at = now - timedelta(days=3)
    first.ends_at = first.starts_at + timedelta(hours=3)
    first.save()
    programme.meetings.filter(number__gte=2).update(starts_at=now + timedelta(days=30))
    case = CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    before = EntryFactory(logbook=logbook)
    Entry.objects.filter(pk=before.pk).update(created_at=now - timedelta(days=5))
    EntryFactory.create_batch(2, logbook=logbook)
    EntryFactory(logbook=logbook, deleted_at=now)

    # Another company that does not share its logbook, and one without a logbook.
    hidden_company = factories.OrganisationFactory()
    hidden = CaseFactory(
        programme=programme, company=hidden_company, advisor=enrolled_advisor, unit=unit
    )
    services.consent_update(
        logbook=services.logbook_for(programme=programme, company=hidden_company),
        by=factories.smv_owner(organisation=hidden_company),
        share_with_advisor=False,
        share_with_researchers=False,
    )
    empty = CaseFactory(
        programme=programme,
        company=factories.OrganisationFactory(),
        advisor=enrolled_advisor,
        unit=unit,
    )
    cases = list(Case.objects.filter(pk__in=[case.pk, hidden.pk, empty.pk]))
    with django_assert_max_num_queries(3):
        values = _column().compute(cases)
    assert values == {case.pk: 2, hidden.pk: None, empty.pk: 0}
    assert str(_column().label)


def test_dashboard_column_counts_since_programme_start_before_any_meeting(
    programme, company, unit, enrolled_advisor, logbook
):
    from tests.matching.factories import CaseFactory

    programme.meetings.update(starts_at=timezone.now() + timedelta(days=10))
    type(programme).objects.filter(pk=programme.pk).update(
        starts_on=timezone.localdate() - timedelta(days=10)
    )
    programme.refresh_from_db()
    case = CaseFactory(programme=programme, company=company, advisor=enrolled_advisor, unit=unit)
    EntryFactory.create_batch(3, logbook=logbook)
    assert _column().compute([case]) == {case.pk: 3}
    assert _column().compute([]) == {}


def test_update_of_an_entry_deleted_meanwhile_is_a_validation_error(logbook, owner):
    entry = services.entry_create(logbook=logbook, by=owner, data=_data())
    services.entry_delete(entry=entry, by=owner)
    with pytest.raises(ValidationError):
        services.entry_update(entry=entry, by=owner, data=_data(body="Ny"), base_version=1)
