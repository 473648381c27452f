"""The logbook demo: six lived-in logbooks, loaded once, without anything identifying."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from logbook.entries.privacy import contains_cpr
from logbook.models import (
    ChangeLogic,
    CriticalSituation,
    Entry,
    EntryComment,
    EntryVersion,
    Logbook,
    ReadinessCheck,
)

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Logbook,
            Entry,
            EntryVersion,
            EntryComment,
            ChangeLogic,
            ReadinessCheck,
            CriticalSituation,
        )
    }


def test_demo_loads_twice_without_duplicates():
    call_command("demo_data")
    first = _counts()
    call_command("demo_data")
    assert _counts() == first
    assert first["Logbook"] == 6
    assert first["ReadinessCheck"] >= 18
    assert first["CriticalSituation"] >= 3
    assert first["ChangeLogic"] == Entry.objects.filter(kind=Entry.Kind.INITIATIVE).count()


def test_demo_logbooks_are_lived_in():
    call_command("demo_data")
    for logbook in Logbook.objects.select_related("company"):
        entries = list(logbook.entries.all())
        assert {e.kind for e in entries} == set(Entry.Kind.values), logbook
        # Spread over the weeks since the kick-off, none today or later.
        weeks = {e.entry_date.isocalendar()[:2] for e in entries}
        assert len(weeks) >= 8, logbook
        assert max(e.entry_date for e in entries) < timezone.localdate(), logbook
        assert any(e.meeting_id for e in entries)
        assert any(e.versions.count() >= 2 for e in entries)
        assert 3 <= logbook.readiness_checks.count() <= 4
        assert all(e.author and e.author.email.startswith("smv") for e in entries)
    assert Logbook.objects.filter(share_with_researchers=True).count() == 2
    assert Logbook.objects.filter(share_with_advisor=False).count() == 1
    # Comments come from the company's own advisor (advisorN on smvN's company), and
    # the company answers her latest one.
    for comment in EntryComment.objects.select_related("entry__logbook", "author", "parent"):
        owner = comment.entry.logbook.company.memberships.get().user
        if comment.parent is None:
            assert comment.author.email == owner.email.replace("smv", "advisor")
        else:
            assert comment.author == owner
            assert comment.parent.author.email == owner.email.replace("smv", "advisor")
    assert EntryComment.objects.filter(parent__isnull=True).exists()
    assert EntryComment.objects.filter(parent__isnull=False).exists()
    assert Entry.objects.filter(knowledge_pages__isnull=False).exists()


def test_demo_texts_hold_no_cpr_numbers():
    call_command("demo_data")
    texts = []
    for entry in Entry.objects.all():
        texts += [entry.title, entry.body, entry.for_whom, entry.when_text, entry.expected_effect]
        texts += entry.hindrances + entry.helps
    for version in EntryVersion.objects.all():
        texts += [str(value) for value in version.data.values()]
    texts += list(CriticalSituation.objects.values_list("what_happened", flat=True))
    texts += list(CriticalSituation.objects.values_list("what_supported", flat=True))
    texts += list(ReadinessCheck.objects.values_list("note", flat=True))
    texts += list(EntryComment.objects.values_list("text", flat=True))
    for logic in ChangeLogic.objects.all():
        texts += [logic.challenge_text, logic.expected_results, logic.knowledge_and_tools]
    assert texts
    assert not [text for text in texts if contains_cpr(text)]
