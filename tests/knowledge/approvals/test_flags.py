"""What the knowledge site flags itself before a case page may be sent: the
company's registered name (unless it chose it), the names of its people and of
its advisor, first names alone included."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.approvals import services
from knowledge.approvals.flags import flags_for, names_in
from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services as editor

pytestmark = pytest.mark.django_db


def _with_body(approval, drafter, body):
    content = editor_selectors.newest_content(approval.page)
    content["body"] = body
    editor.page_save_draft(page=approval.page, content=content, user=drafter)
    return editor_selectors.newest_content(approval.page)


def test_a_clean_text_has_no_flags(approval):
    assert flags_for(approval, editor_selectors.newest_content(approval.page)) == []


@pytest.mark.parametrize(
    "body",
    [
        "Hos Dagbladet Nordlys gik det stærkt.",  # the company's own name
        "Hanne Bladsen tog initiativet.",  # an owner's full name
        "Det var Hanne, der tog initiativet.",  # an owner's first name
        "Rådgiveren Rikke foreslog en workshop.",  # the advisor's first name
    ],
)
def test_names_are_flagged_and_block_sending(approval, drafter, body):
    content = _with_body(approval, drafter, body)
    assert flags_for(approval, content)
    with pytest.raises(ValidationError):
        services.case_approval_send(approval=approval, user=drafter)
    approval.refresh_from_db()
    assert approval.sent_hash == ""


def test_removing_the_flagged_name_lets_the_text_go(approval, drafter):
    _with_body(approval, drafter, "Det var Hanne, der tog initiativet.")
    _with_body(approval, drafter, "Det var ejerlederen, der tog initiativet.")
    assert services.case_approval_send(approval=approval, user=drafter).sent_hash


def test_the_company_may_choose_its_own_name(approval, drafter):
    approval.company_label = "Dagbladet Nordlys"
    approval.save()
    content = _with_body(approval, drafter, "Hos Dagbladet Nordlys gik det stærkt.")
    assert flags_for(approval, content) == []


def test_a_name_in_the_address_is_flagged(approval, drafter):
    content = editor_selectors.newest_content(approval.page)
    content["slug"] = "hanne-bladsen-og-stress"
    assert flags_for(approval, content)


def test_first_names_match_as_names_not_as_words():
    """Full names in any case; a first name only capitalised and as a whole word, so
    a name like "Per" does not flag the word "per"."""
    assert names_in("to timer per dag", ["Per Hansen"]) == []
    assert names_in("Per sagde ja", ["Per Hansen"]) == ["Per"]
    assert names_in("PER HANSEN sagde ja", ["Per Hansen"]) == ["Per Hansen"]
    assert names_in("Annette kom", ["Anne Berg"]) == []
