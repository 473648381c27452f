"""The facilitator's drafting page: only with the research consent (404 otherwise,
for everyone else too), and every visit is in the company's access log."""

import pytest
from django.urls import reverse

from bifrost.accounts.models import AccessLogEntry
from knowledge.models import CaseApproval

pytestmark = pytest.mark.django_db


def _url(logbook):
    return reverse("logbook:case_page_create", args=[logbook.pk])


def test_the_facilitator_with_consent_reads_and_is_logged(
    client, consenting_logbook, initiative, excerpt, researcher
):
    client.force_login(researcher)
    response = client.get(_url(consenting_logbook))
    assert response.status_code == 200
    assert "Workshop om stresstrappen" in response.text
    assert "Det hjalp at sige det højt" in response.text
    assert "Mette" not in response.text  # the staff list is never shown
    row = AccessLogEntry.objects.get(object_kind="case_page_draft")
    assert (row.organisation_id, row.user_id, row.action) == (
        consenting_logbook.company_id,
        researcher.pk,
        AccessLogEntry.Action.READ,
    )


def test_the_draft_is_made_and_the_facilitator_sent_to_its_approval(
    client, consenting_logbook, initiative, excerpt, researcher
):
    client.force_login(researcher)
    response = client.post(
        _url(consenting_logbook),
        {
            "initiative": initiative.pk,
            "excerpts": [excerpt.pk],
            "company_label": "en lokal avis",
            "title": "Et fælles sprog om stress",
        },
    )
    approval = CaseApproval.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("knowledge:case_approval", args=[approval.pk])
    assert AccessLogEntry.objects.filter(object_kind="case_page_draft").count() == 1


def test_a_bad_post_keeps_what_was_typed(client, consenting_logbook, initiative, researcher):
    client.force_login(researcher)
    response = client.post(
        _url(consenting_logbook), {"company_label": "et lille forlag", "title": ""}
    )
    assert response.status_code == 200
    assert 'value="et lille forlag"' in response.text
    assert not CaseApproval.objects.exists()


def test_without_consent_the_facilitator_gets_404(client, logbook, case, researcher):
    assert not logbook.share_with_researchers
    client.force_login(researcher)
    assert client.get(_url(logbook)).status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_the_company_and_its_advisor_get_404(client, consenting_logbook, owner, case):
    for person in (owner, case.advisor):
        client.force_login(person)
        assert client.get(_url(consenting_logbook)).status_code == 404


def test_the_change_logic_list_links_to_it_for_the_facilitator_only(
    client, consenting_logbook, initiative, researcher, owner
):
    list_url = reverse("logbook:change_logics", args=[consenting_logbook.pk])
    client.force_login(researcher)
    assert _url(consenting_logbook) in client.get(list_url).text
    client.force_login(owner)
    assert _url(consenting_logbook) not in client.get(list_url).text
