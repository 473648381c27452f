"""The two keys of a case page: the company and its advisor approve the exact text;
only with both can it be published; withdrawing takes it down; a changed text
needs approval again; every step is logged."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.approvals import services
from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services as editor
from knowledge.models import CaseApproval, CaseApprovalEvent, Page

pytestmark = pytest.mark.django_db
Action = CaseApprovalEvent.Action


def _approve(approval, party, user):
    return services.case_approval_approve(
        approval=approval, party=party, user=user, seen_hash=approval.sent_hash
    )


def _publish(page, user):
    return editor.page_publish(page=page, content=None, user=user)


def _actions(approval):
    return list(approval.events.values_list("action", flat=True))


def test_a_drafted_case_page_cannot_be_published_before_it_is_sent(approval, drafter):
    with pytest.raises(ValidationError):
        _publish(approval.page, drafter)
    assert not Page.objects.get(pk=approval.page_id).is_published
    assert _actions(approval) == [Action.DRAFTED]


def test_the_owners_key_alone_does_not_publish(sent, case_owner, drafter):
    _approve(sent, "company", case_owner)
    sent.refresh_from_db()
    assert sent.company_holds and not sent.advisor_holds
    with pytest.raises(ValidationError):
        _publish(sent.page, drafter)


def test_the_advisors_key_alone_does_not_publish(sent, case_advisor, drafter):
    _approve(sent, "advisor", case_advisor)
    sent.refresh_from_db()
    assert sent.advisor_holds and not sent.company_holds
    with pytest.raises(ValidationError):
        _publish(sent.page, drafter)


def test_with_both_keys_the_editor_publishes(sent, case_owner, case_advisor, drafter):
    _approve(sent, "company", case_owner)
    _approve(sent, "advisor", case_advisor)
    page = _publish(sent.page, drafter)
    assert page.is_published
    assert _actions(sent) == [
        Action.DRAFTED,
        Action.SENT,
        Action.APPROVED,
        Action.APPROVED,
        Action.PUBLISHED,
    ]


def test_any_owner_of_the_company_holds_its_key(case_co_owner, sent, case_advisor, drafter):
    _approve(sent, "company", case_co_owner)
    _approve(sent, "advisor", case_advisor)
    assert _publish(sent.page, drafter).is_published


@pytest.mark.parametrize("party", ["company", "advisor"])
def test_withdrawing_either_key_takes_the_page_down(
    sent, case_owner, case_advisor, drafter, party, django_capture_on_commit_callbacks
):
    _approve(sent, "company", case_owner)
    _approve(sent, "advisor", case_advisor)
    _publish(sent.page, drafter)
    who = case_owner if party == "company" else case_advisor
    with django_capture_on_commit_callbacks(execute=True):
        services.case_approval_withdraw(approval=sent, party=party, user=who)
    page = Page.objects.get(pk=sent.page_id)
    assert not page.is_published
    sent.refresh_from_db()
    assert not sent.holds(party)
    assert _actions(sent)[-2:] == [Action.WITHDRAWN, Action.UNPUBLISHED]
    # Publishing again needs that key again.
    with pytest.raises(ValidationError):
        _publish(page, drafter)


def test_a_text_changed_after_approval_needs_approval_again(
    sent, case_owner, case_advisor, drafter
):
    _approve(sent, "company", case_owner)
    _approve(sent, "advisor", case_advisor)
    page = sent.page
    content = editor_selectors.newest_content(page)
    content["body"] += "\n\nEn ny sætning."
    editor.page_save_draft(page=page, content=content, user=drafter)
    assert _actions(sent)[-1] == Action.CHANGED
    with pytest.raises(ValidationError):
        editor.page_publish(page=page, content=content, user=drafter)
    # Sent again, the earlier keys do not hold for the new text ...
    services.case_approval_send(approval=sent, user=drafter)
    sent.refresh_from_db()
    assert not sent.company_holds and not sent.advisor_holds
    with pytest.raises(ValidationError):
        _publish(page, drafter)
    # ... until both approve it.
    _approve(sent, "company", case_owner)
    _approve(sent, "advisor", case_advisor)
    assert _publish(page, drafter).is_published


def test_a_published_page_stays_while_a_new_text_waits(sent, case_owner, case_advisor, drafter):
    """Editing a published case page keeps the approved text live; the new text is
    published only with new approvals."""
    _approve(sent, "company", case_owner)
    _approve(sent, "advisor", case_advisor)
    page = _publish(sent.page, drafter)
    content = editor_selectors.newest_content(page)
    content["title"] = "En ny titel"
    editor.page_save_draft(page=page, content=content, user=drafter)
    page.refresh_from_db()
    assert page.is_published and page.title == "Et fælles sprog om stress"
    with pytest.raises(ValidationError):
        _publish(page, drafter)


def test_approving_a_text_other_than_the_one_read_is_refused(sent, case_owner):
    with pytest.raises(ValidationError):
        services.case_approval_approve(
            approval=sent, party="company", user=case_owner, seen_hash="0" * 64
        )
    sent.refresh_from_db()
    assert not sent.company_holds


def test_a_form_round_trip_of_the_same_text_keeps_the_keys(sent, case_owner, case_advisor, drafter):
    """Browsers send text areas with CRLF line ends: the same text is the same text."""
    _approve(sent, "company", case_owner)
    _approve(sent, "advisor", case_advisor)
    content = editor_selectors.newest_content(sent.page)
    content["body"] = content["body"].replace("\n", "\r\n") + "\r\n"
    assert editor.page_publish(page=sent.page, content=content, user=drafter).is_published


def test_sending_twice_the_same_text_is_refused(sent, drafter):
    with pytest.raises(ValidationError):
        services.case_approval_send(approval=sent, user=drafter)


def test_nothing_to_withdraw_is_refused(sent, case_owner):
    with pytest.raises(ValidationError):
        services.case_approval_withdraw(approval=sent, party="company", user=case_owner)


def test_a_suggestion_is_kept_and_logged(sent, case_owner):
    suggestion = services.case_suggestion_add(
        approval=sent, party="company", user=case_owner, text="Kald os hellere 'et lille dagblad'."
    )
    assert suggestion.content_hash == sent.sent_hash
    assert _actions(sent)[-1] == Action.SUGGESTED


def test_a_suggestion_before_the_text_is_sent_is_refused(approval, case_owner):
    with pytest.raises(ValidationError):
        services.case_suggestion_add(approval=approval, party="company", user=case_owner, text="x")


def test_an_unknown_party_is_refused(sent, case_owner):
    with pytest.raises(ValidationError):
        services.case_approval_approve(
            approval=sent, party="facilitator", user=case_owner, seen_hash=sent.sent_hash
        )


def test_a_page_without_approval_publishes_as_before(make_page):
    page = make_page(slug="almindelig", title="Almindelig side", publish=False)
    assert not CaseApproval.objects.filter(page=page).exists()
    assert editor.page_publish(page=page, content=None, user=None).is_published
