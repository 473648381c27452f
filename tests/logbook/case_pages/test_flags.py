"""A case page's text is checked against the company's staff list (first names
alone included) and for CPR numbers before it may be sent; a flag names what it
found, never the rest of the list."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.approvals import services as approvals
from knowledge.approvals.flags import flags_for
from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services as editor
from logbook.case_pages import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def approval(consenting_logbook, initiative, researcher):
    return services.case_page_draft(
        logbook=consenting_logbook,
        initiative=initiative,
        excerpts=[],
        company_label="en lokal avis",
        title="Et fælles sprog om stress",
        user=researcher,
    )


def _body(approval, researcher, text):
    content = editor_selectors.newest_content(approval.page)
    content["body"] = text
    editor.page_save_draft(page=approval.page, content=content, user=researcher)
    return editor_selectors.newest_content(approval.page)


def _messages(approval, content):
    return " ".join(flag.message for flag in flags_for(approval, content))


def test_the_draft_from_a_clean_logbook_can_be_sent(approval, researcher):
    assert flags_for(approval, editor_selectors.newest_content(approval.page)) == []
    assert approvals.case_approval_send(approval=approval, user=researcher).sent_hash


@pytest.mark.parametrize(
    "text, found",
    [
        ("Mette Kristiansen var sygemeldt.", "Mette Kristiansen"),
        ("Det var Mette, der sagde fra.", "Mette"),
        ("Ole tog over.", "Ole"),
    ],
)
def test_staff_names_are_flagged_and_block_sending(approval, researcher, text, found):
    content = _body(approval, researcher, text)
    message = _messages(approval, content)
    assert f"“{found}”" in message
    assert "Bundgaard" not in message or "Ole" in text  # never the rest of the list
    with pytest.raises(ValidationError):
        approvals.case_approval_send(approval=approval, user=researcher)


@pytest.mark.parametrize("cpr", ["010203-1234", "0102031234"])
def test_cpr_numbers_are_flagged(approval, researcher, cpr):
    content = _body(approval, researcher, f"Hendes nummer er {cpr}.")
    assert flags_for(approval, content)
    with pytest.raises(ValidationError):
        approvals.case_approval_send(approval=approval, user=researcher)


def test_a_ten_digit_number_that_is_no_date_is_not_flagged(approval, researcher):
    content = _body(approval, researcher, "Telefon 9999999999.")
    assert flags_for(approval, content) == []


def test_the_owners_name_is_flagged_too(approval, researcher, owner):
    content = _body(approval, researcher, f"{owner.full_name} fortalte om det.")
    assert flags_for(approval, content)
