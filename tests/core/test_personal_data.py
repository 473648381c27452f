"""The registry of personal-data providers: order, replacement, refusal, erase helpers."""

import pytest
from django.core.exceptions import ValidationError

from bifrost.accounts.models import Invitation
from bifrost.core import personal_data
from bifrost.core.people import display_name
from tests import factories


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test; the apps' providers come back afterwards."""
    monkeypatch.setattr(personal_data, "_providers", {})
    calls: list[str] = []

    def add(section, *, refuse=None):
        personal_data.register(
            section,
            label=section,
            description="",
            collect=lambda user: {"who": user, "section": section},
            erase=lambda user: calls.append(section),
            refuse=refuse,
        )

    return add, calls


def test_collect_has_every_section_in_registration_order(registry):
    add, _calls = registry
    add("left")
    add("right")
    data = personal_data.collect("someone")
    assert data["format"] == personal_data.FORMAT
    assert list(data["sections"]) == ["left", "right"]
    assert data["sections"]["right"] == {"who": "someone", "section": "right"}


def test_registering_a_section_again_replaces_it(registry):
    add, _calls = registry
    add("left")
    add("left")
    assert len(personal_data.providers()) == 1


@pytest.mark.django_db
def test_erase_runs_the_right_most_app_first(registry):
    add, calls = registry
    add("left")
    add("right")
    personal_data.erase("someone")
    assert calls == ["right", "left"]


@pytest.mark.django_db
def test_a_refusal_stops_every_erase_step(registry):
    add, calls = registry
    add("left")
    add("right", refuse=lambda user: ["Not yet."])
    assert personal_data.refusals("someone") == ["Not yet."]
    with pytest.raises(ValidationError) as refused:
        personal_data.erase("someone")
    assert refused.value.messages == ["Not yet."]
    assert calls == []


@pytest.mark.django_db
def test_detach_keeps_the_row_and_cuts_the_link():
    person = factories.facilitator()
    invitation = factories.InvitationFactory(invited_by=person)
    personal_data.detach(person, [(Invitation, "invited_by")])
    invitation.refresh_from_db()
    assert invitation.invited_by is None


@pytest.mark.django_db
def test_delete_own_deletes_the_persons_rows_only():
    person, other = factories.facilitator(), factories.facilitator()
    mine = factories.InvitationFactory(invited_by=person)
    theirs = factories.InvitationFactory(invited_by=other)
    personal_data.delete_own(person, [(Invitation, "invited_by")])
    assert list(Invitation.objects.values_list("pk", flat=True)) == [theirs.pk]
    assert not Invitation.objects.filter(pk=mine.pk).exists()


def test_a_gone_author_is_named_former_user(english):
    assert display_name(None) == "Former user"


@pytest.mark.django_db
def test_a_person_is_named_by_name_or_address():
    assert display_name(factories.UserFactory(full_name="Ada Lund")) == "Ada Lund"
    assert display_name(factories.UserFactory(full_name="", email="a@b.test")) == "a@b.test"
