"""Matching in the browser: a facilitator runs the matcher, changes a pair and sees the
scores update in place, then confirms; axe scans of the matching and run pages."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from matching.models import AdvisorProfile, Case, CompanyProfile, MatchRun
from programme.models import Enrolment
from programme.programmes import services
from tests import factories
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard, logout
from tests.matching.builders import LS, SM, add_advisor, add_company, challenge_only


@pytest.fixture
def programme_with_profiles(facilitator):
    """A programme from the course template where only challenge fit counts, with two
    companies and two advisors who have filled in their profiles (A–X and B–Y fit)."""
    programme = services.programme_create_from_template(
        name="BIFROST 2027",
        description="Forløb for virksomheder og rådgivere.",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )
    challenge_only(programme)
    add_company(programme, "Avisen A", challenges=[SM])
    add_company(programme, "Bureauet B", challenges=[LS])
    add_advisor(programme, "Xenia X", competences={SM: "strong"})
    add_advisor(programme, "Yrsa Y", competences={LS: "strong"})
    return programme


def test_facilitator_runs_changes_and_confirms_a_match(
    page: Page, live_server, facilitator, programme_with_profiles
):
    login_and_expect_dashboard(page, live_server, facilitator.email, factories.PASSWORD)
    page.goto(f"{live_server.url}/matching/programmes/{programme_with_profiles.pk}/")
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name=da("Run the matcher"), exact=True).click()
    expect(page.locator("#run-total")).to_have_text("200")
    expect(page.locator("#run-weakest")).to_have_attribute("data-score", "100")
    assert_accessible(page)

    # Give Bureauet B the other advisor: the scores update in place (htmx).
    row = page.locator("#run-pairs tbody tr", has_text="Bureauet B")
    row.get_by_role("combobox").select_option(label="Xenia X (1/1)")
    url_before = page.url
    row.get_by_role("button", name=da("Change"), exact=True).click()
    expect(page.locator("#run-total")).to_have_text("100")
    expect(page.locator("#run-weakest")).to_have_attribute("data-score", "0")
    expect(page.locator("#run-feedback")).to_contain_text(da("The advisor was changed."))
    assert page.url == url_before

    # Put Bureauet B back on Yrsa, then swap the two companies twice (there and back).
    row = page.locator("#run-pairs tbody tr", has_text="Bureauet B")
    row.get_by_role("combobox").select_option(label="Yrsa Y (0/1)")
    row.get_by_role("button", name=da("Change"), exact=True).click()
    expect(page.locator("#run-total")).to_have_text("200")
    page.get_by_label(da("First company")).select_option(label="Avisen A")
    page.get_by_label(da("Second company")).select_option(label="Bureauet B")
    page.get_by_role("button", name=da("Swap"), exact=True).click()
    expect(page.locator("#run-total")).to_have_text("0")
    page.get_by_label(da("First company")).select_option(label="Avisen A")
    page.get_by_label(da("Second company")).select_option(label="Bureauet B")
    page.get_by_role("button", name=da("Swap"), exact=True).click()
    expect(page.locator("#run-total")).to_have_text("200")

    page.get_by_role("link", name=da("Confirm the match"), exact=True).click()
    page.get_by_role("button", name=da("Confirm and send the e-mails"), exact=True).click()
    expect(page.locator("main .alert-success")).to_be_visible()
    expect(page.locator("main h1")).to_contain_text(da("Confirmed"))
    run = MatchRun.objects.get()
    assert run.status == MatchRun.Status.CONFIRMED
    assert Case.objects.filter(status="active").count() == 2


def test_owner_and_advisor_fill_in_their_profiles(page: Page, live_server, programme_with_profiles):
    company = factories.OrganisationFactory(name="Nyt Firma")
    Enrolment.objects.create(programme=programme_with_profiles, organisation=company)
    owner = factories.smv_owner(organisation=company)
    login_and_expect_dashboard(page, live_server, owner.email, factories.PASSWORD)
    page.goto(f"{live_server.url}/matching/")
    page.get_by_role("link", name=da("Fill in the company profile")).click()
    assert_accessible(page)
    page.locator("select[name=rank_ledersparring]").select_option("1")
    page.locator("select[name=rank_stresshaandtering]").select_option("1")
    page.get_by_role("button", name=da("Save the profile")).click()
    # Two challenges with rank 1: explained, and nothing is lost.
    expect(page.locator("main .invalid-feedback").first).to_be_visible()
    assert_accessible(page)
    page.locator("select[name=rank_stresshaandtering]").select_option("2")
    page.get_by_label("september").check()
    page.get_by_role("button", name=da("Save the profile")).click()
    expect(page.locator("main .alert-success")).to_be_visible()
    assert CompanyProfile.objects.get(company=company).challenges == [
        "ledersparring",
        "stresshaandtering",
    ]
    logout(page)

    unit = factories.AdvisoryUnitFactory()
    Enrolment.objects.create(programme=programme_with_profiles, organisation=unit)
    advisor = factories.advisor(organisation=unit)
    login_and_expect_dashboard(page, live_server, advisor.email, factories.PASSWORD)
    page.goto(
        f"{live_server.url}/matching/programmes/{programme_with_profiles.pk}/advisor-profile/"
    )
    assert_accessible(page)
    page.get_by_role("button", name=da("Save the profile")).click()
    expect(page.locator("main .alert-success")).to_be_visible()
    assert AdvisorProfile.objects.get(advisor=advisor).unit == unit
