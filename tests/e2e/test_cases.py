"""Cases in the browser: the advisor adds a development goal, the company owner sees it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from matching.cases import services as case_services
from matching.models import CasePhaseChange, Phase
from programme.models import Enrolment
from programme.programmes import services
from tests import factories
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard, logout, url_path
from tests.matching.factories import CaseFactory


@pytest.fixture
def case(transactional_db):
    facilitator = factories.facilitator()
    programme = services.programme_create_from_template(
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
    owner = factories.smv_owner(organisation=company)
    advisor = factories.advisor(organisation=unit)
    case = CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit)
    CasePhaseChange.objects.create(
        case=case, phase=Phase.WAY_IN, started_on=timezone.localdate() - timedelta(days=20)
    )
    case_services.task_create(
        case=case,
        by=owner,
        title="Saml spørgsmål fra teamet",
        owner=owner,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    return case


def test_advisor_adds_a_goal_and_the_company_sees_it(page: Page, live_server, case, password):
    login_and_expect_dashboard(page, live_server, case.advisor.email, password)
    page.goto(live_server.url + "/matching/cases/")
    table = page.locator("main table")
    expect(table).to_contain_text("Ugeavisen Prøve ApS")
    assert_accessible(page)

    table.get_by_role("link", name="Ugeavisen Prøve ApS").click()
    expect(page).to_have_url(url_path(live_server, f"/matching/cases/{case.pk}/"))
    expect(page.locator("main h1")).to_have_text("Ugeavisen Prøve ApS")
    assert_accessible(page)

    page.locator("summary", has_text=da("Add a goal")).click()
    page.locator("#id_goal-title").fill("Fælles sprog om stress i redaktionen")
    page.locator("#id_goal-description").fill("Vi taler om pres, før det bliver til sygemelding.")
    page.get_by_role("button", name=da("Add goal"), exact=True).click()
    goals = page.locator("section[aria-labelledby=goals]")
    expect(goals).to_contain_text("Fælles sprog om stress i redaktionen")
    logout(page)

    login_and_expect_dashboard(
        page, live_server, case.company.memberships.get().user.email, password
    )
    page.goto(live_server.url + f"/matching/cases/{case.pk}/")
    expect(page.locator("section[aria-labelledby=goals]")).to_contain_text(
        "Fælles sprog om stress i redaktionen"
    )
    expect(page.locator("main")).not_to_contain_text(da("My advisor notes"))
