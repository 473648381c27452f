"""The Danish search finds the new kinds of page once they are published (and not
before): a recommendation and a case page with both approvals."""

import pytest
from django.test import Client
from django.urls import reverse

from knowledge.approvals import services
from knowledge.editor import services as editor
from knowledge.models import Page
from knowledge.provenance.services import page_draft_with_provenance
from knowledge.search.selectors import search
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_published_recommendation_is_found_in_another_inflection(make_recommendation):
    make_recommendation("besoeg-virksomheden", "Besøg virksomheden før forløbet")
    draft = make_recommendation("kladde", "Besøg virksomheden igen", publish=False)
    found = [hit.page.slug for hit in search("virksomhedens besøg")]
    assert found == ["besoeg-virksomheden"]
    assert draft.slug not in found
    assert "besoeg-virksomheden" in Client().get(reverse("knowledge:search"), {"q": "besøg"}).text


def test_a_case_page_is_found_only_after_both_approvals():
    company = factories.OrganisationFactory(name="Trykkeriet Tavle ApS")
    owner = factories.smv_owner(organisation=company)
    advisor = factories.advisor()
    drafter = factories.facilitator()
    drafted = page_draft_with_provenance(
        content={
            "section": "cases",
            "kind": "case",
            "title": "Fællesskab om overleveringer",
            "fields": {"company": "et lille trykkeri", "initiative": "Faste overleveringsmøder"},
        },
        provenance={"source": "case", "source_key": "s:1", "programme_name": "P"},
        user=drafter,
    )
    approval = services.case_approval_create(
        page=drafted.page,
        company=company,
        company_label="et lille trykkeri",
        advisor=advisor,
        user=drafter,
    )
    approval = services.case_approval_send(approval=approval, user=drafter)
    assert search("overleveringsmøder") == []
    for party, person in (("company", owner), ("advisor", advisor)):
        services.case_approval_approve(
            approval=approval, party=party, user=person, seen_hash=approval.sent_hash
        )
    editor.page_publish(page=Page.objects.get(pk=drafted.page.pk), content=None, user=drafter)
    assert [hit.page.pk for hit in search("overleveringsmøde")] == [drafted.page.pk]
