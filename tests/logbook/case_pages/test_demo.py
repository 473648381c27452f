"""The demo's practice-to-knowledge story: an earlier round's meeting 5
recommendations and meeting 6 principles and tools are published with their
provenance; one case page has both approvals and is public, another waits for the
company."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from knowledge.approvals.flags import flags_for
from knowledge.models import CaseApproval, Kind, Page, Provenance
from programme.demo_first_round import FIRST_ROUND_NAME
from programme.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("demo_data")


def test_the_first_rounds_results_are_published_with_provenance(demo):
    programme = Programme.objects.get(name=FIRST_ROUND_NAME)
    assert not programme.enrolments.exists()
    pages = Page.objects.filter(provenance__programme_name=FIRST_ROUND_NAME)
    kinds = {page.kind for page in pages}
    assert kinds == {Kind.RECOMMENDATION, Kind.PRINCIPLE, Kind.TOOL}
    assert all(page.is_published for page in pages)
    published = programme.meetings.get(number=5).recommendations.filter(published_at__isnull=False)
    assert pages.filter(kind=Kind.RECOMMENDATION).count() == published.count()
    for provenance in Provenance.objects.filter(programme_name=FIRST_ROUND_NAME):
        assert provenance.companies and provenance.advisors
        assert provenance.source_date < provenance.page.published_at.date()
    assert all(page.related.exists() for page in pages)
    listing = Client().get(reverse("knowledge:recommendations")).text
    # Recommendations come first in the section, so all six are on its first page.
    assert all(escape(p.title) in listing for p in pages.filter(kind=Kind.RECOMMENDATION))


def test_one_case_page_is_public_and_one_waits_for_the_company(demo):
    public, waiting = (
        CaseApproval.objects.get(page__status=Page.Status.PUBLISHED),
        CaseApproval.objects.get(page__status=Page.Status.DRAFT),
    )
    assert public.both_hold
    assert waiting.advisor_holds and not waiting.company_holds and waiting.sent_hash
    for approval in (public, waiting):
        assert flags_for(approval, approval.sent_content) == []
        assert approval.company.name not in str(approval.sent_content)
    html = Client().get(public.page.get_absolute_url()).text
    assert 'data-testid="provenance-approved"' in html
    assert Client().get(waiting.page.get_absolute_url()).status_code == 404


def test_a_rerun_adds_nothing(demo):
    before = (Page.objects.count(), CaseApproval.objects.count(), Programme.objects.count())
    call_command("demo_data")
    assert (Page.objects.count(), CaseApproval.objects.count(), Programme.objects.count()) == before
