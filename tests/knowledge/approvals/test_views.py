"""The approval pages: a company sees only its own case drafts (404 otherwise), the
exact text once it is sent, and answers for the company; the advisor answers for
the advisor; the facilitator sees the flags and sends."""

import pytest
from django.urls import reverse

from knowledge.approvals import services
from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services as editor
from tests import factories

pytestmark = pytest.mark.django_db


def _url(name, approval):
    return reverse(f"knowledge:{name}", args=[approval.pk])


def test_the_list_shows_a_company_its_own_case_pages_only(client, approval, case_owner):
    other_owner = factories.smv_owner()
    client.force_login(case_owner)
    assert "en lokal avis" in client.get(reverse("knowledge:case_approvals")).text
    client.force_login(other_owner)
    page = client.get(reverse("knowledge:case_approvals")).text
    assert "en lokal avis" not in page
    assert 'data-testid="empty"' in page


@pytest.mark.parametrize("name", ["case_approval", "case_approval_withdraw"])
def test_another_companys_owner_and_another_advisor_get_404(client, sent, name):
    for outsider in (factories.smv_owner(), factories.advisor()):
        client.force_login(outsider)
        assert client.get(_url(name, sent)).status_code == 404


@pytest.mark.parametrize("name", ["case_approval_approve", "case_approval_suggest"])
def test_posting_someone_elses_approval_is_404(client, sent, name):
    client.force_login(factories.smv_owner())
    assert client.post(_url(name, sent), {"seen": sent.sent_hash, "text": "x"}).status_code == 404
    sent.refresh_from_db()
    assert not sent.company_holds


def test_the_facilitator_only_sends_and_cannot_approve(client, sent, drafter):
    client.force_login(drafter)
    assert client.get(_url("case_approval", sent)).status_code == 200
    assert (
        client.post(_url("case_approval_approve", sent), {"seen": sent.sent_hash}).status_code
        == 404
    )


def test_before_sending_the_owner_sees_no_draft_text(client, approval, case_owner):
    client.force_login(case_owner)
    page = client.get(_url("case_approval", approval)).text
    assert 'data-testid="not-sent"' in page
    assert "Vi startede med en fælles workshop" not in page


def test_the_owner_reads_the_exact_text_and_approves_it(client, sent, case_owner):
    client.force_login(case_owner)
    page = client.get(_url("case_approval", sent)).text
    assert "Vi startede med en fælles workshop" in page
    assert "Flere siger til i tide." in page
    assert f'value="{sent.sent_hash}"' in page
    response = client.post(_url("case_approval_approve", sent), {"seen": sent.sent_hash})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.company_holds and not sent.advisor_holds


def test_the_advisor_approves_for_the_advisor(client, sent, case_advisor):
    client.force_login(case_advisor)
    client.post(_url("case_approval_approve", sent), {"seen": sent.sent_hash})
    sent.refresh_from_db()
    assert sent.advisor_holds and not sent.company_holds


def test_approving_after_the_text_was_resent_is_refused(client, sent, case_owner, drafter):
    seen = sent.sent_hash
    content = editor_selectors.newest_content(sent.page)
    content["summary"] = "En anden opsummering."
    editor.page_save_draft(page=sent.page, content=content, user=drafter)
    services.case_approval_send(approval=sent, user=drafter)
    client.force_login(case_owner)
    client.post(_url("case_approval_approve", sent), {"seen": seen})
    sent.refresh_from_db()
    assert not sent.company_holds


def test_an_empty_suggestion_shows_the_form_again(client, sent, case_owner):
    client.force_login(case_owner)
    response = client.post(_url("case_approval_suggest", sent), {"text": ""})
    assert response.status_code == 200
    assert "is-invalid" in response.text


def test_a_suggestion_is_shown_on_the_page(client, sent, case_owner, case_advisor):
    client.force_login(case_owner)
    response = client.post(_url("case_approval_suggest", sent), {"text": "Nævn ikke ugedagen."})
    assert response.status_code == 302
    client.force_login(case_advisor)
    assert "Nævn ikke ugedagen." in client.get(_url("case_approval", sent)).text


def test_withdrawing_through_the_page_unpublishes(client, sent, case_owner, case_advisor, drafter):
    for party, person in (("company", case_owner), ("advisor", case_advisor)):
        services.case_approval_approve(
            approval=sent, party=party, user=person, seen_hash=sent.sent_hash
        )
    editor.page_publish(page=sent.page, content=None, user=drafter)
    client.force_login(case_advisor)
    assert client.get(_url("case_approval_withdraw", sent)).status_code == 200
    assert client.post(_url("case_approval_withdraw", sent)).status_code == 302
    sent.page.refresh_from_db()
    assert not sent.page.is_published
    client.logout()
    assert client.get(sent.page.get_absolute_url()).status_code == 404


def test_the_facilitator_sees_flags_and_cannot_send_them(client, approval, drafter):
    content = editor_selectors.newest_content(approval.page)
    content["body"] = "Hanne Bladsen fortalte om det."
    editor.page_save_draft(page=approval.page, content=content, user=drafter)
    client.force_login(drafter)
    page = client.get(_url("case_approval", approval)).text
    assert 'data-testid="flags"' in page
    assert _url("case_approval_send", approval) not in page
    response = client.post(_url("case_approval_send", approval))
    assert response.status_code == 302
    approval.refresh_from_db()
    assert approval.sent_hash == ""


def test_the_editor_shows_the_approval_panel(client, approval, drafter):
    client.force_login(drafter)
    page = client.get(reverse("knowledge:editor_edit", args=[approval.page_id])).text
    assert 'data-testid="approval-panel"' in page
    assert 'data-testid="editor-provenance"' in page


def test_the_public_case_page_says_how_it_came_about_without_names(
    client, sent, case_owner, case_advisor, drafter
):
    for party, person in (("company", case_owner), ("advisor", case_advisor)):
        services.case_approval_approve(
            approval=sent, party=party, user=person, seen_hash=sent.sent_hash
        )
    editor.page_publish(page=sent.page, content=None, user=drafter)
    client.logout()
    html = client.get(sent.page.get_absolute_url()).text
    assert 'data-testid="provenance"' in html
    assert 'data-testid="provenance-approved"' in html
    assert "BIFROST 2027" in html
    for name in ("Dagbladet Nordlys", "Hanne", "Rikke", "Freja", "Jens"):
        assert name not in html


def _many_approvals(n: int, company, advisor, drafter) -> None:
    from knowledge.models import CaseApproval, Page

    start = Page.objects.count()
    pages = Page.objects.bulk_create(
        Page(section="cases", kind="case", slug=f"bulk-case-{start + i}", title=f"Case {i}")
        for i in range(n)
    )
    CaseApproval.objects.bulk_create(
        CaseApproval(
            page=page, company=company, company_label="en avis", advisor=advisor, created_by=drafter
        )
        for page in pages
    )


@pytest.mark.parametrize("who", ["case_owner", "case_advisor", "drafter"])
def test_the_list_queries_do_not_grow(
    client, request, case_company, case_advisor, drafter, who, django_assert_max_num_queries
):
    client.force_login(request.getfixturevalue(who))
    _many_approvals(10, case_company, case_advisor, drafter)
    with django_assert_max_num_queries(15) as small:
        assert client.get(reverse("knowledge:case_approvals")).status_code == 200
    _many_approvals(190, case_company, case_advisor, drafter)
    with django_assert_max_num_queries(15) as large:
        assert client.get(reverse("knowledge:case_approvals")).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)
