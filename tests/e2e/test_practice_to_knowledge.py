"""From practice to knowledge in a real browser (issue 14).

1. A recommendation published at development meeting 5 becomes a knowledge page
   draft in one step; the facilitator links it to a principle and publishes it in
   the editor; the public page says how it came about, and the recommendations
   section finds it by that principle.
2. A company's change logic becomes a case page draft; a staff name in a quoted
   excerpt is flagged and removed before it is sent; the owner and the advisor
   each approve the exact text; then the facilitator publishes it.

axe-core checks every new page, and the pages readers and companies use are
checked at 390 px for sideways scrolling.
"""

import re
from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from knowledge.editor import services as knowledge_services
from knowledge.models import CaseApproval, Page, Provenance
from logbook.insights import services as insights
from logbook.models import Entry, Logbook
from programme.exercises.recommendations import services as recommendations
from programme.models import Endorsement, Enrolment
from programme.programmes import services as programmes
from tests import factories
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard, logout, url_path
from tests.logbook.factories import EntryFactory
from tests.matching.factories import CaseFactory

PASSWORD = factories.PASSWORD
RECOMMENDATION = "Kom på besøg i virksomheden, før I foreslår et forløb."
PRINCIPLE = "arbejdspladsens-engagement"


def assert_no_sideways_scroll(page: BrowserPage) -> None:
    """At 390 px nothing on the page is wider than the screen."""
    page.set_viewport_size({"width": 390, "height": 844})
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways: {widths}"
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def world(transactional_db):
    """A programme with an enrolled company (owner) and advisory unit (advisor), the
    advisor on the company's case, and the knowledge site's initial pages."""
    knowledge_services.load_initial_content()
    facilitator = factories.facilitator(user__full_name="Frida Facilitator")
    programme = programmes.programme_create_from_template(
        name="BIFROST 2027",
        description="Forløb",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )
    company = factories.OrganisationFactory(name="Ugeavisen Prøve ApS")
    unit = factories.AdvisoryUnitFactory(name="Rådgiverenhed Prøve")
    for organisation in (company, unit):
        Enrolment.objects.create(programme=programme, organisation=organisation)
    owner = factories.smv_owner(organisation=company, user__full_name="Lone Ejer")
    advisor = factories.advisor(organisation=unit, user__full_name="Eva Rådgiver")
    CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit)
    return {
        "programme": programme,
        "facilitator": facilitator,
        "owner": owner,
        "advisor": advisor,
        "company": company,
    }


def test_a_published_recommendation_becomes_a_public_page_with_provenance(
    page: BrowserPage, live_server, world
):
    meeting = world["programme"].meetings.get(number=5)
    recommendation = recommendations.recommendation_propose(
        meeting=meeting, author=world["owner"], text=RECOMMENDATION
    )
    for person in (world["owner"], world["advisor"]):
        Endorsement.objects.create(recommendation=recommendation, user=person)
    recommendations.recommendation_publish(recommendation=recommendation, published=True)

    login_and_expect_dashboard(page, live_server, world["facilitator"].email, PASSWORD)
    page.goto(live_server.url + f"/programme/meetings/{meeting.pk}/exercise/recommendations/")
    page.get_by_role(
        "link", name=da("Draft knowledge pages from the published recommendations")
    ).click()
    expect(page).to_have_url(
        url_path(live_server, f"/programme/meetings/{meeting.pk}/knowledge-drafts/")
    )
    expect(page.locator("main table")).to_contain_text("Kom på besøg i virksomheden")
    assert_accessible(page)
    page.get_by_role("button", name=da("Make knowledge page drafts")).click()
    provenance = Provenance.objects.get()
    draft = provenance.page
    assert not draft.is_published  # nothing is published without the editor
    assert (provenance.companies, provenance.advisors) == (1, 1)

    page.get_by_role("link", name=da("Open in the editor")).click()
    expect(page).to_have_url(url_path(live_server, f"/knowledge/editor/{draft.pk}/"))
    expect(page.get_by_test_id("editor-provenance")).to_be_visible()
    principle = Page.objects.get(slug=PRINCIPLE)
    page.locator("#page-form").get_by_role(
        "checkbox", name=f"{da('Principle')}: {principle.title}", exact=True
    ).check()
    page.get_by_role("button", name=da("Publish"), exact=True).click()
    expect(page.locator("main .messages")).to_contain_text(draft.title)
    logout(page)

    page.goto(live_server.url + draft.get_absolute_url())
    expect(page.locator("main h1")).to_have_text(draft.title)
    box = page.get_by_test_id("provenance")
    expect(box).to_contain_text("BIFROST 2027")
    expect(box).to_contain_text(meeting.title)
    expect(page.get_by_test_id("provenance-counts")).to_contain_text("1")
    expect(box).not_to_contain_text("Lone")
    assert_accessible(page)

    page.goto(live_server.url + reverse("knowledge:recommendations"))
    page.locator("#id_principle").select_option(PRINCIPLE)
    page.get_by_role("button", name=da("Show"), exact=True).click()
    expect(page).to_have_url(url_path(live_server, reverse("knowledge:recommendations")))
    expect(page.locator("main")).to_contain_text(draft.title)
    assert_accessible(page)
    assert_no_sideways_scroll(page)


@pytest.fixture
def change_logic(world):
    """The company's logbook, shared with the researchers, with a staff list, an
    initiative with its change logic, and an entry that names a colleague."""
    logbook = Logbook.objects.get(programme=world["programme"], company=world["company"])
    logbook.share_with_researchers = True
    logbook.staff_names = "Mette Kristiansen"
    logbook.save()
    initiative = EntryFactory(
        logbook=logbook,
        author=world["owner"],
        kind=Entry.Kind.INITIATIVE,
        title="Fast tjek-in om mandagen",
        body="Et kvarter hver mandag om ugens sider.",
    )
    insights.change_logic_save(
        entry=initiative,
        by=world["owner"],
        challenge="stress-i-teamsamarbejde",
        challenge_text="Sene overleveringer skaber pres før deadline.",
        expected_results="Færre sene overleveringer.",
        knowledge_and_tools="- Afleveringstavlen",
    )
    EntryFactory(
        logbook=logbook,
        author=world["owner"],
        kind=Entry.Kind.REFLECTION,
        title="Hvad hjalp",
        body="Mette sagde det højt på mandagsmødet, og så turde andre også.",
    )
    return logbook


def _approve_as(page, live_server, person, label):
    login_and_expect_dashboard(page, live_server, person.email, PASSWORD)
    page.goto(live_server.url + reverse("knowledge:case_approvals"))
    page.locator("main table").get_by_role("link", name=label).click()
    expect(page.locator("main")).to_contain_text("Et kvarter hver mandag om ugens sider.")
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    page.get_by_role("button", name=da("I approve this text")).click()
    expect(page.locator("main .messages")).to_contain_text(
        da("Thank you. Your approval of this text is recorded.")
    )
    logout(page)


def test_a_change_logic_becomes_a_case_page_with_both_approvals(
    page: BrowserPage, live_server, world, change_logic
):
    facilitator, owner, advisor = world["facilitator"], world["owner"], world["advisor"]
    login_and_expect_dashboard(page, live_server, facilitator.email, PASSWORD)
    page.goto(live_server.url + f"/logbook/{change_logic.pk}/change-logic/")
    page.get_by_role("link", name=da("Draft a case page for the knowledge site")).click()
    assert_accessible(page)
    page.get_by_role("radio", name="Fast tjek-in om mandagen").check()
    page.get_by_role("checkbox", name=re.compile("Hvad hjalp")).check()
    page.locator("#id_company_label").fill("en lille ugeavis")
    page.locator("#id_title").fill("Et kvarter om mandagen")
    page.get_by_role("button", name=da("Draft the case page")).click()

    approval = CaseApproval.objects.get()
    expect(page).to_have_url(url_path(live_server, f"/knowledge/approvals/{approval.pk}/"))
    # The quoted excerpt names a colleague from the staff list: it cannot be sent yet.
    flags = page.get_by_test_id("flags")
    expect(flags).to_contain_text("“Mette”")
    expect(page.get_by_role("button", name=da("Send for approval"))).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name=da("Edit the text")).click()
    page.locator("#id_body").fill("## Fra logbogen\n\nEn kollega sagde det højt på mødet.")
    page.get_by_role("button", name=da("Save draft"), exact=True).click()
    expect(page.get_by_test_id("approval-panel")).to_be_visible()
    page.get_by_role("link", name=da("Approvals, flags and the log")).click()
    expect(page.get_by_test_id("flags")).to_have_count(0)
    page.get_by_role("button", name=da("Send for approval")).click()
    expect(page.locator("main .messages")).to_contain_text(
        da("The text was sent to the company and the advisor for approval.")
    )
    logout(page)

    _approve_as(page, live_server, owner, "en lille ugeavis")
    approval.refresh_from_db()
    assert approval.company_holds and not approval.advisor_holds
    _approve_as(page, live_server, advisor, "en lille ugeavis")

    login_and_expect_dashboard(page, live_server, facilitator.email, PASSWORD)
    page.goto(live_server.url + f"/knowledge/editor/{approval.page_id}/")
    page.get_by_role("button", name=da("Publish"), exact=True).click()
    expect(page.locator("main .messages")).to_contain_text("Et kvarter om mandagen")
    logout(page)

    page.goto(live_server.url + Page.objects.get(pk=approval.page_id).get_absolute_url())
    expect(page.locator("main h1")).to_have_text("Et kvarter om mandagen")
    expect(page.get_by_test_id("provenance-approved")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Ugeavisen Prøve")
    expect(page.locator("main")).not_to_contain_text("Mette")
    assert_accessible(page)
    assert_no_sideways_scroll(page)
