"""Autosave and discard with input the entry form refuses: never a 500, nothing stored.

The draft views read the entry id and the version themselves. `str.isdigit`
accepted "²" and "①", which `int()` does not; a number past PostgreSQL's integer
failed in the query; and a NUL character reached jsonb, which cannot hold one.
All of these answered 500 (issue 11); the normal entry form refused them.
"""

import json

import pytest
from django.urls import reverse

from logbook.models import EntryDraft

pytestmark = pytest.mark.django_db

NOT_NUMBERS = ["²", "①", "1.5", "-1", "0", "1e3", " ", "1\x00", str(2**31), str(2**63), str(2**64)]


def _autosave(client, logbook, **data):
    return client.post(reverse("logbook:entry_autosave", args=[logbook.pk]), data)


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_autosave_with_an_entry_id_that_is_no_id_is_404(owner_client, logbook, value):
    response = _autosave(owner_client, logbook, entry=value, title="Udkast")
    assert response.status_code == 404
    assert not EntryDraft.objects.exists()


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_autosave_with_a_version_that_is_no_version_is_400(owner_client, logbook, entry, value):
    response = _autosave(owner_client, logbook, entry=entry.pk, version=value, title="Udkast")
    assert response.status_code == 400
    assert json.loads(response.content)["status"]
    assert not EntryDraft.objects.exists()


@pytest.mark.parametrize("field", ["title", "body", "hindrances", "goals", "kind"])
def test_autosave_refuses_a_null_character_with_a_message(owner_client, logbook, field, english):
    response = _autosave(owner_client, logbook, **{field: "før\x00efter"})
    assert response.status_code == 400
    assert "null character" in json.loads(response.content)["status"]
    assert not EntryDraft.objects.exists()


def test_autosave_keeps_an_earlier_draft_when_it_refuses_one(owner_client, logbook):
    _autosave(owner_client, logbook, title="Første udkast")
    _autosave(owner_client, logbook, title="Andet\x00udkast")
    assert EntryDraft.objects.get().data["title"] == "Første udkast"


def test_autosave_with_a_version_of_integer_size_is_stored(owner_client, logbook, entry):
    response = _autosave(owner_client, logbook, entry=entry.pk, version=2**31 - 1, title="x")
    assert response.status_code == 200
    assert EntryDraft.objects.get().base_version == 2**31 - 1


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_discard_with_an_entry_id_that_is_no_id_is_404(owner_client, logbook, value):
    _autosave(owner_client, logbook, title="Udkast")
    url = reverse("logbook:entry_draft_discard", args=[logbook.pk])
    response = owner_client.post(url, {"entry": value})
    assert response.status_code == 404
    assert EntryDraft.objects.count() == 1


def test_discard_ignores_a_null_character_in_the_content(owner_client, logbook, entry):
    """Discarding reads only the entry id; what else the form held is thrown away."""
    _autosave(owner_client, logbook, entry=entry.pk, title="Udkast")
    url = reverse("logbook:entry_draft_discard", args=[logbook.pk])
    response = owner_client.post(url, {"entry": entry.pk, "title": "x\x00"})
    assert response.status_code == 302
    assert response["Location"] == reverse("logbook:entry_edit", args=[logbook.pk, entry.pk])
    assert not EntryDraft.objects.exists()
