"""A case page with its two keys: a company with two SMV owners, its advisor, and a
facilitator who drafted it. Built through the knowledge services only."""

import pytest

from knowledge.approvals import services
from knowledge.provenance.services import page_draft_with_provenance
from tests import factories


@pytest.fixture
def case_company(db):
    return factories.OrganisationFactory(name="Dagbladet Nordlys ApS")


@pytest.fixture
def case_owner(case_company):
    return factories.smv_owner(organisation=case_company, user__full_name="Hanne Bladsen")


@pytest.fixture
def case_co_owner(case_company):
    return factories.smv_owner(organisation=case_company, user__full_name="Jens Redaktør")


@pytest.fixture
def case_advisor(db):
    return factories.advisor(user__full_name="Rikke Rådgivsen")


@pytest.fixture
def drafter(db):
    return factories.facilitator(user__full_name="Freja Facilitator")


CASE_CONTENT = {
    "section": "cases",
    "kind": "case",
    "title": "Et fælles sprog om stress",
    "summary": "Hvordan en lokal avis lærte at tale om pres.",
    "body": "## Fra logbogen\n\nVi startede med en fælles workshop.",
    "fields": {
        "company": "en lokal avis",
        "challenge": "Travlhed op til deadline.",
        "initiative": "Workshop om stresstrappen.",
        "expected_results": "Flere siger til i tide.",
        "knowledge_tools": "Stresstrappen",
        "references": [],
    },
}


@pytest.fixture
def approval(case_company, case_owner, case_advisor, drafter):
    """A drafted, not yet sent case page about `case_company`."""
    drafted = page_draft_with_provenance(
        content=dict(CASE_CONTENT),
        provenance={
            "source": "case",
            "source_key": "test.case:1",
            "programme_name": "BIFROST 2027",
            "companies": 1,
            "advisors": 1,
        },
        user=drafter,
    )
    return services.case_approval_create(
        page=drafted.page,
        company=case_company,
        company_label="en lokal avis",
        advisor=case_advisor,
        user=drafter,
    )


@pytest.fixture
def sent(approval, drafter):
    """`approval` sent for approval."""
    return services.case_approval_send(approval=approval, user=drafter)
