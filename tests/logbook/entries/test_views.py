"""Writing entries through the pages: per-kind fields, privacy warnings, autosaved
drafts, conflicts without lost text, history and restore, delete with undo."""

import json
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from knowledge.models import Page
from logbook.entries import services
from logbook.models import Entry, EntryDraft, EntryVersion
from matching.models import CaseGoal
from tests import factories
from tests.logbook.factories import EntryFactory


def _form(**overrides):
    data = {
        "kind": "problem_focus",
        "entry_date": "2027-06-01",
        "title": "Travlhed i redaktionen",
        "body": "Vi vil **arbejde** med deadlines.",
    }
    data.update(overrides)
    return data


def test_create_problem_focus_entry(owner_client, logbook, owner):
    response = owner_client.post(reverse("logbook:entry_create", args=[logbook.pk]), _form())
    saved = Entry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("logbook:entry_detail", args=[logbook.pk, saved.pk])
    assert saved.author == owner
    assert saved.version == 1
    assert EntryVersion.objects.filter(entry=saved, number=1).exists()
    page = owner_client.get(response["Location"])
    assert "<strong>arbejde</strong>" in page.text


def test_markdown_is_sanitised(owner_client, logbook):
    owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _form(body="Hej <script>alert(1)</script> [x](javascript:alert(1))"),
    )
    saved = Entry.objects.get()
    page = owner_client.get(reverse("logbook:entry_detail", args=[logbook.pk, saved.pk]))
    assert "<script>alert" not in page.text
    assert "javascript:" not in page.text


def test_initiative_keeps_its_fields_and_links(
    owner_client,
    logbook,
    meeting,
    case,
):
    goal = CaseGoal.objects.create(case=case, title="Færre sygemeldinger")
    principle = Page.objects.create(
        section="method", kind="principle", slug="p1", title="Tidlig kontakt", status="published"
    )
    draft_page = Page.objects.create(
        section="method", kind="principle", slug="p2", title="Kladde", status="draft"
    )
    response = owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _form(
            kind="initiative",
            body="Fast ugemøde",
            for_whom="Redaktionen",
            when_text="Fra august",
            expected_effect="Mindre pres",
            hindrances="Skal ikke gemmes",
            meeting=meeting.pk,
            goals=[goal.pk],
            knowledge_pages=[principle.pk],
        ),
    )
    assert response.status_code == 302
    saved = Entry.objects.get()
    assert (saved.for_whom, saved.when_text, saved.expected_effect) == (
        "Redaktionen",
        "Fra august",
        "Mindre pres",
    )
    assert saved.hindrances == []
    assert saved.meeting == meeting
    assert list(saved.goals.all()) == [goal]
    assert list(saved.knowledge_pages.all()) == [principle]
    # A draft knowledge page cannot be linked; the form is shown again with the text.
    response = owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _form(title="Andet", knowledge_pages=[draft_page.pk]),
    )
    assert response.status_code == 200
    assert "Andet" in response.text
    assert Entry.objects.count() == 1


def test_reflection_stores_lists_one_item_per_line(owner_client, logbook):
    owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _form(kind="reflection", body="", hindrances="Travlhed\n\n  Uklare mål ", helps="Sparring"),
    )
    saved = Entry.objects.get()
    assert saved.hindrances == ["Travlhed", "Uklare mål"]
    assert saved.helps == ["Sparring"]


def test_invalid_entry_is_shown_again_with_the_text(owner_client, logbook):
    response = owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _form(kind="reflection", body="Min tekst", entry_date="not a date"),
    )
    assert response.status_code == 200
    assert "Min tekst" in response.text
    assert not Entry.objects.exists()
    response = owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]), _form(kind="reflection", body="Min")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hindrances"]


def test_privacy_warning_after_saving_but_entry_is_saved(owner_client, logbook):
    logbook.staff_names = "Karen Jensen"
    logbook.save()
    response = owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _form(body="karen jensen har cpr 010190-1234", confirm_not_cpr="on"),
        follow=True,
    )
    assert Entry.objects.count() == 1
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 2
    assert any("Karen Jensen" in w for w in warnings)


def test_form_explains_the_privacy_rule_and_has_no_inline_script(owner_client, logbook):
    response = owner_client.get(reverse("logbook:entry_create", args=[logbook.pk]))
    assert 'id="privacy-notice"' in response.text
    assert "js/logbook-entry.js" in response.text
    assert "<script>" not in response.text
    assert 'style="' not in response.text


# --- autosave -----------------------------------------------------------------------


def test_autosave_stores_a_draft_and_returns_status_and_warnings(owner_client, logbook, owner):
    logbook.staff_names = "Bo"
    logbook.save()
    url = reverse("logbook:entry_autosave", args=[logbook.pk])
    response = owner_client.post(url, _form(body="Bo er træt"))
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert payload["status"]
    assert len(payload["warnings"]) == 1
    draft = EntryDraft.objects.get()
    assert draft.user == owner
    assert draft.entry is None
    assert draft.data["body"] == "Bo er træt"
    owner_client.post(url, _form(body="Anden udgave"))
    assert EntryDraft.objects.get().data["body"] == "Anden udgave"
    assert "no-store" in response["Cache-Control"]


def test_autosave_of_an_invalid_form_is_still_stored(owner_client, logbook):
    url = reverse("logbook:entry_autosave", args=[logbook.pk])
    response = owner_client.post(url, {"title": "", "body": "halv", "entry_date": "x"})
    assert response.status_code == 200
    assert EntryDraft.objects.get().data["body"] == "halv"


def test_draft_is_offered_restored_and_removed_on_save(owner_client, logbook):
    owner_client.post(
        reverse("logbook:entry_autosave", args=[logbook.pk]), _form(title="Mit udkast")
    )
    url = reverse("logbook:entry_create", args=[logbook.pk])
    offer = owner_client.get(url)
    assert offer.context["draft"] is not None
    assert 'id="draft-offer"' in offer.text
    restored = owner_client.get(url, {"draft": "restore"})
    assert restored.context["form"].initial["title"] == "Mit udkast"
    owner_client.post(url, _form(title="Mit udkast"))
    assert not EntryDraft.objects.exists()


def test_draft_can_be_discarded(owner_client, logbook):
    owner_client.post(reverse("logbook:entry_autosave", args=[logbook.pk]), _form())
    response = owner_client.post(reverse("logbook:entry_draft_discard", args=[logbook.pk]))
    assert response.status_code == 302
    assert not EntryDraft.objects.exists()


def test_draft_of_an_existing_entry_keeps_its_base_version(
    owner_client,
    logbook,
    entry,
):
    owner_client.post(
        reverse("logbook:entry_autosave", args=[logbook.pk]),
        _form(entry=entry.pk, version=entry.version, body="Ændret"),
    )
    draft = EntryDraft.objects.get()
    assert draft.entry == entry
    assert draft.base_version == 1


def test_autosave_for_an_entry_of_another_logbook_is_404(owner_client, logbook, programme):
    from tests.logbook.factories import LogbookFactory

    other = EntryFactory(
        logbook=LogbookFactory(programme=programme, company=factories.OrganisationFactory())
    )
    response = owner_client.post(
        reverse("logbook:entry_autosave", args=[logbook.pk]), _form(entry=other.pk)
    )
    assert response.status_code == 404
    assert not EntryDraft.objects.exists()


# --- editing and conflicts ----------------------------------------------------------


def test_edit_saves_a_new_version(owner_client, logbook, entry):
    response = owner_client.post(
        reverse("logbook:entry_edit", args=[logbook.pk, entry.pk]),
        _form(body="Ny tekst", version=1),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.version == 2
    assert entry.body == "Ny tekst"
    assert list(entry.versions.values_list("number", flat=True)) == [2, 1]


def test_second_saver_sees_a_conflict_and_loses_nothing(
    client,
    logbook,
    entry,
    owner,
    company,
):
    colleague = factories.smv_owner(organisation=company)
    edit = reverse("logbook:entry_edit", args=[logbook.pk, entry.pk])
    client.force_login(owner)
    client.post(edit, _form(body="Ejerens tekst", version=1))
    client.force_login(colleague)
    response = client.post(edit, _form(body="Kollegaens tekst", version=1))
    assert response.status_code == 409
    assert "Kollegaens tekst" in response.text  # their text, in the form
    assert "Ejerens tekst" in response.text  # the saved text, side by side
    assert response.context["form"]["version"].value() == "2"
    entry.refresh_from_db()
    assert entry.body == "Ejerens tekst"
    # Saving again on top is explicit and keeps both.
    response = client.post(edit, dict(response.context["form"].data.items()))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "Kollegaens tekst"
    assert entry.version == 3
    bodies = list(entry.versions.order_by("number").values_list("data__body", flat=True))
    assert bodies[1:] == ["Ejerens tekst", "Kollegaens tekst"]


def test_history_lists_versions_and_restore_saves_a_new_one(
    owner_client,
    logbook,
    entry,
):
    owner_client.post(
        reverse("logbook:entry_edit", args=[logbook.pk, entry.pk]),
        _form(body="Ny tekst", version=1),
    )
    history = owner_client.get(reverse("logbook:entry_history", args=[logbook.pk, entry.pk]))
    assert [v.number for v in history.context["versions"]] == [2, 1]
    old = owner_client.get(reverse("logbook:entry_version", args=[logbook.pk, entry.pk, 1]))
    assert "arbejdspres" in old.text
    owner_client.post(reverse("logbook:entry_version_restore", args=[logbook.pk, entry.pk, 1]))
    entry.refresh_from_db()
    assert entry.version == 3
    assert "arbejdspres" in entry.body
    missing = reverse("logbook:entry_version", args=[logbook.pk, entry.pk, 99])
    assert owner_client.get(missing).status_code == 404


# --- delete and undo ---------------------------------------------------------------


def test_delete_asks_first_then_soft_deletes_and_undo_brings_it_back(
    owner_client,
    logbook,
    entry,
):
    url = reverse("logbook:entry_delete", args=[logbook.pk, entry.pk])
    confirm = owner_client.get(url)
    assert confirm.status_code == 200
    entry.refresh_from_db()
    assert entry.deleted_at is None
    owner_client.post(url)
    entry.refresh_from_db()
    assert entry.deleted_at is not None
    detail = reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
    assert owner_client.get(detail).status_code == 404
    deleted = owner_client.get(reverse("logbook:entries_deleted", args=[logbook.pk]))
    assert entry.title in deleted.text
    owner_client.post(reverse("logbook:entry_undelete", args=[logbook.pk, entry.pk]))
    entry.refresh_from_db()
    assert entry.deleted_at is None
    assert owner_client.get(detail).status_code == 200


def test_entries_deleted_long_ago_are_not_listed_nor_undeletable(
    owner_client,
    logbook,
    entry,
):
    Entry.objects.filter(pk=entry.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    deleted = owner_client.get(reverse("logbook:entries_deleted", args=[logbook.pk]))
    assert entry.title not in deleted.text
    response = owner_client.post(reverse("logbook:entry_undelete", args=[logbook.pk, entry.pk]))
    assert response.status_code == 404


def test_restored_stale_draft_leads_to_the_conflict_page(client, logbook, entry, owner, company):
    """A draft made on version 1 and restored after someone saved version 2 is not
    saved over version 2: its version travels in the form and the save is a conflict."""
    edit = reverse("logbook:entry_edit", args=[logbook.pk, entry.pk])
    client.force_login(owner)
    client.post(
        reverse("logbook:entry_autosave", args=[logbook.pk]),
        _form(entry=entry.pk, version=1, body="Mit udkast"),
    )
    colleague = factories.smv_owner(organisation=company)
    client.force_login(colleague)
    client.post(edit, _form(body="Kollegaen", version=1))
    client.force_login(owner)
    offer = client.get(edit)
    assert offer.context["draft_is_stale"] is True
    restored = client.get(edit, {"draft": "restore"})
    assert restored.context["form"].initial["version"] == 1
    response = client.post(edit, _form(body="Mit udkast", version=1))
    assert response.status_code == 409
    entry.refresh_from_db()
    assert entry.body == "Kollegaen"


def test_saving_an_entry_deleted_meanwhile_is_404(owner_client, logbook, entry, owner):
    edit = reverse("logbook:entry_edit", args=[logbook.pk, entry.pk])
    form_page = owner_client.get(edit)
    assert form_page.status_code == 200
    services.entry_delete(entry=entry, by=owner)
    response = owner_client.post(edit, _form(body="Min tekst", version=1))
    assert response.status_code == 404  # gone from the logbook (undo brings it back)


#: Session, user, the logbook and its rule, the draft, the form's choices (meetings,
#: the case's goals, knowledge pages), roles and the bell.
ENTRY_FORM_QUERIES = 10


def test_the_entry_form_runs_the_same_queries_with_10_and_200_goals_and_entries(
    owner_client, logbook, case, django_assert_max_num_queries, settings
):
    settings.VIEWER_CACHE_SECONDS = 0  # the form as built (a repeat visit is kept)
    url = reverse("logbook:entry_create", args=[logbook.pk])
    counts = {}
    for total in (10, 200):
        have = CaseGoal.objects.filter(case=case).count()
        CaseGoal.objects.bulk_create(
            CaseGoal(case=case, title=f"Mål {i}", position=i) for i in range(have, total)
        )
        EntryFactory.create_batch(total - logbook.entries.count(), logbook=logbook)
        owner_client.get(url)
        with django_assert_max_num_queries(ENTRY_FORM_QUERIES) as captured:
            response = owner_client.get(url)
        counts[total] = len(captured.captured_queries)
        assert response.text.count('name="goals"') == total
    assert counts[10] == counts[200], counts
