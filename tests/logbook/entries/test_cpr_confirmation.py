"""A text with a CPR-number pattern is not saved without the writer's "this is not a CPR
number"; refused, the form comes back with what was typed. The live check (the
warnings shown while typing) answers the company's own people only."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from logbook.insights import readiness
from logbook.models import ChangeLogic, CriticalSituation, Entry, ReadinessCheck
from tests.logbook.factories import EntryFactory

pytestmark = pytest.mark.usefixtures("english")

CPR_TEXT = "Medarbejderen med nummer 010190-1234 var væk i to uger"
REFUSED = "The text seems to contain a CPR number"


def _entry(**overrides):
    return {
        "kind": "problem_focus",
        "entry_date": "2027-06-01",
        "title": "Travlhed",
        "body": CPR_TEXT,
        **overrides,
    }


def test_an_entry_with_a_cpr_pattern_is_refused_without_the_tick_and_the_text_kept(
    owner_client, logbook
):
    url = reverse("logbook:entry_create", args=[logbook.pk])
    response = owner_client.post(url, _entry())
    assert response.status_code == 200
    assert not Entry.objects.exists()
    form = response.context["form"]
    assert "confirm_not_cpr" in form.errors
    page = response.content.decode()
    assert REFUSED in page
    assert CPR_TEXT in page  # what was typed is kept
    assert 'type="checkbox" name="confirm_not_cpr"' in page


def test_an_entry_with_a_cpr_pattern_is_saved_with_the_tick(owner_client, logbook):
    url = reverse("logbook:entry_create", args=[logbook.pk])
    response = owner_client.post(url, _entry(confirm_not_cpr="on"), follow=True)
    assert Entry.objects.get().body == CPR_TEXT
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("CPR" in text for text in warnings)


def test_an_entry_without_a_cpr_pattern_needs_no_tick(owner_client, logbook):
    url = reverse("logbook:entry_create", args=[logbook.pk])
    page = owner_client.get(url).content.decode()
    assert 'type="checkbox" name="confirm_not_cpr"' not in page  # only asked when needed
    response = owner_client.post(url, _entry(body="Travle uger i juni"))
    assert response.status_code == 302
    assert Entry.objects.count() == 1


def test_editing_an_entry_asks_too(owner_client, logbook, owner):
    entry = EntryFactory(logbook=logbook, author=owner, title="Før")
    url = reverse("logbook:entry_edit", args=[logbook.pk, entry.pk])
    response = owner_client.post(url, _entry(version=entry.version))
    assert response.status_code == 200
    entry.refresh_from_db()
    assert CPR_TEXT not in entry.body


def test_a_critical_situation_with_a_cpr_pattern_asks_first(client, logbook, owner):
    client.force_login(owner)
    url = reverse("logbook:critical_situations", args=[logbook.pk])
    data = {
        "occurred_on": timezone.localdate().isoformat(),
        "trigger": "colleagues",
        "what_happened": CPR_TEXT,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert not CriticalSituation.objects.exists()
    assert CPR_TEXT in response.content.decode()
    response = client.post(url, {**data, "confirm_not_cpr": "on"})
    assert response.status_code == 302
    assert CriticalSituation.objects.get().what_happened == CPR_TEXT


def test_a_change_logic_with_a_cpr_pattern_asks_first(client, logbook, owner):
    initiative = EntryFactory(logbook=logbook, author=owner, kind=Entry.Kind.INITIATIVE)
    client.force_login(owner)
    url = reverse("logbook:change_logic", args=[logbook.pk, initiative.pk])
    response = client.post(url, {"challenge_text": CPR_TEXT})
    assert response.status_code == 200
    assert not ChangeLogic.objects.exists()
    assert CPR_TEXT in response.content.decode()
    response = client.post(url, {"challenge_text": CPR_TEXT, "confirm_not_cpr": "on"})
    assert response.status_code == 302
    assert ChangeLogic.objects.get().challenge_text == CPR_TEXT


def test_a_readiness_note_with_a_cpr_pattern_asks_first(client, logbook, owner):
    client.force_login(owner)
    url = reverse("logbook:readiness", args=[logbook.pk])
    data = {"taken_on": timezone.localdate().isoformat(), "note": CPR_TEXT}
    data.update(dict.fromkeys(readiness.STATEMENT_KEYS, "3"))
    response = client.post(url, data)
    assert response.status_code == 200
    assert not ReadinessCheck.objects.exists()
    assert CPR_TEXT in response.content.decode()
    assert REFUSED in response.content.decode()
    response = client.post(url, {**data, "confirm_not_cpr": "on"})
    assert response.status_code == 302
    assert ReadinessCheck.objects.get().note == CPR_TEXT


def test_a_first_name_alone_warns_after_saving(owner_client, logbook):
    logbook.staff_names = "Mette Hansen"
    logbook.save()
    response = owner_client.post(
        reverse("logbook:entry_create", args=[logbook.pk]),
        _entry(body="Mette var træt"),
        follow=True,
    )
    assert Entry.objects.count() == 1  # names warn, they do not block
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("first name" in text and "Mette" in text for text in warnings)


# --- The live check ---------------------------------------------------------------


def test_the_live_check_answers_the_warnings(owner_client, logbook):
    logbook.staff_names = "Mette Hansen"
    logbook.save()
    url = reverse("logbook:privacy_check", args=[logbook.pk])
    payload = json.loads(owner_client.post(url, {"text": "Mette og 010190-1234"}).content)
    assert payload["cpr"] is True
    assert len(payload["warnings"]) == 2
    assert json.loads(owner_client.post(url, {"text": "Alt vel"}).content) == {
        "warnings": [],
        "cpr": False,
    }


@pytest.mark.parametrize("who", ["consented_advisor", "researcher", "advisor_of_other_company"])
def test_the_live_check_is_not_for_anyone_outside_the_company(client, request, logbook, who):
    """A reader outside the company could otherwise probe the staff list name by name."""
    logbook.staff_names = "Mette Hansen"
    logbook.share_with_researchers = True
    logbook.save()
    client.force_login(request.getfixturevalue(who))
    url = reverse("logbook:privacy_check", args=[logbook.pk])
    assert client.post(url, {"text": "Mette"}).status_code == 404


def test_the_forms_mark_their_texts_for_the_live_check(owner_client, logbook):
    page = owner_client.get(reverse("logbook:entry_create", args=[logbook.pk])).content.decode()
    assert reverse("logbook:privacy_check", args=[logbook.pk]) in page
    assert "js/privacy-guard.js" in page
    assert 'name="body"' in page and "data-privacy-check" in page
