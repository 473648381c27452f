"""Each role's dashboard in the browser, with something in every panel: axe-clean,
and nothing wider than a 390 px phone screen."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bifrost.core.exports.models import ExportStatus
from logbook.models import EntryComment, Logbook
from matching.cases import services as case_services
from matching.models import MatchPair
from programme.models import AgendaExport, Enrolment
from programme.programmes import services
from tests import factories
from tests.accounts.dashboards.builders import move
from tests.e2e.helpers import assert_accessible, login_and_expect_dashboard
from tests.logbook.factories import EntryFactory
from tests.matching.factories import CaseFactory, MatchRunFactory

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(transactional_db):
    """A programme whose meeting 1 is in three days, a company with its advisor's case,
    an overdue task, a commented logbook entry, a draft match run and a failed PDF."""
    facilitator = factories.facilitator()
    programme = services.programme_create_from_template(
        name="BIFROST 2027",
        description="Forløb",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 11, 26),
        user=facilitator,
    )
    move(programme.meetings.get(number=0), days=-20)
    meeting = move(
        programme.meetings.get(number=1),
        days=3,
        place="Mødecenter Broen, lokale 2",
        preparation_task="Skriv tre antagelser ned om den anden part.",
        preparation_due=timezone.localdate() + timedelta(days=1),
    )
    company = factories.OrganisationFactory(name="Kommunikationshuset Klokkeblomsten ApS")
    unit = factories.AdvisoryUnitFactory(name="Arbejdsmiljørådgivningen Nordvest")
    for organisation in (company, unit):
        Enrolment.objects.create(programme=programme, organisation=organisation)
    owner = factories.smv_owner(organisation=company)
    advisor = factories.advisor(organisation=unit)
    case = CaseFactory(programme=programme, company=company, advisor=advisor, unit=unit)
    case_services.task_create(
        case=case,
        by=owner,
        title="Saml spørgsmål fra teamet",
        owner=owner,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    case_services.goal_create(case=case, by=advisor, title="Fælles billede af presset")
    logbook = Logbook.objects.get(company=company)
    entry = EntryFactory(logbook=logbook, author=owner, title="Vores problemfokus")
    EntryComment.objects.create(entry=entry, author=advisor, text="Godt beskrevet.")
    run = MatchRunFactory(programme=programme, created_by=facilitator)
    MatchPair.objects.create(run=run, company=company, advisor=advisor)
    AgendaExport.objects.create(meeting=meeting, version="f" * 64, status=ExportStatus.FAILED)
    return {"smv_owner": owner, "advisor": advisor, "facilitator": facilitator}


def _fits(page: Page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page is {overflow} px wider than the screen"


@pytest.mark.parametrize(
    ("role", "panel", "shows"),
    [
        ("smv_owner", "#panel-next-meeting", "Skriv tre antagelser ned om den anden part."),
        ("advisor", "#panel-cases", "Kommunikationshuset Klokkeblomsten ApS"),
        ("facilitator", "#panel-programme-meetings", "Mødecenter Broen, lokale 2"),
    ],
)
def test_dashboard_is_accessible_and_fits_a_phone(
    page: Page, live_server, world, password, role, panel, shows
):
    login_and_expect_dashboard(page, live_server, world[role].email, password)
    main = page.locator("main")
    expect(main.locator(panel)).to_be_visible()
    expect(main).to_contain_text(shows)
    assert_accessible(page)

    page.set_viewport_size(PHONE)
    page.reload()
    expect(main.locator(panel)).to_be_visible()
    _fits(page)
    assert_accessible(page)
