"""Every step of a case page's approval notifies the right people through the core
notification service, once per step, with titles that never carry the text."""

import pytest

from bifrost.core.models import Notification
from knowledge.approvals import notifications, services
from knowledge.editor import services as editor

pytestmark = pytest.mark.django_db


def _kinds_of(user):
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_sending_asks_every_owner_and_the_advisor(
    case_co_owner, sent, case_owner, case_advisor, drafter
):
    for person in (case_owner, case_co_owner, case_advisor):
        assert _kinds_of(person) == [notifications.APPROVAL_REQUESTED]
    assert _kinds_of(drafter) == []


def test_answers_go_to_the_drafter_and_publishing_to_everyone(
    sent, case_owner, case_advisor, drafter
):
    services.case_approval_approve(
        approval=sent, party="company", user=case_owner, seen_hash=sent.sent_hash
    )
    services.case_approval_approve(
        approval=sent, party="advisor", user=case_advisor, seen_hash=sent.sent_hash
    )
    assert _kinds_of(drafter) == [notifications.APPROVAL_ANSWERED] * 2
    editor.page_publish(page=sent.page, content=None, user=drafter)
    assert notifications.CASE_PAGE_PUBLISHED in _kinds_of(case_owner)
    assert notifications.CASE_PAGE_PUBLISHED in _kinds_of(case_advisor)


def test_titles_carry_names_only(sent, case_owner, drafter):
    services.case_suggestion_add(
        approval=sent, party="company", user=case_owner, text="HEMMELIG-RETTELSE"
    )
    titles = " ".join(Notification.objects.values_list("title", flat=True))
    assert "Dagbladet Nordlys" in titles
    for secret in ("HEMMELIG-RETTELSE", "Et fælles sprog", "stresstrappen", "en lokal avis"):
        assert secret not in titles
    links = set(Notification.objects.values_list("link", flat=True))
    assert links == {f"/knowledge/approvals/{sent.pk}/"}
