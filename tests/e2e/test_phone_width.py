"""Every main page of every role fits a 390 px phone: the page never scrolls sideways.

The demo (`manage.py demo_data`) is loaded, because it has something on every
page: a programme with held and coming meetings, agendas, exercises, cases with
tasks, logbooks with entries, versions and an access log, knowledge pages with
revisions, advice requests in every state. On top of it: the next meeting is
running (live view) on an item with a long Danish word, a draft match run (its
pairs carry the override forms), and a pending invitation with a long address.

Each role logs in through the login page and opens its pages
(tests/e2e/phone_pages.py) at 390×844. A page is too wide when
`document.documentElement.scrollWidth` exceeds 390; the last cell of every
`.table-actions` row (the row's buttons, pinned on phones) must end inside the
screen; axe runs on the pages whose tables changed most. All problems of all
roles are reported at once, each with its page and width. A page that does not
answer 200 fails too: the lists must stay lists of real pages.

Pages checked at 390 px per role (the test prints the figures; on this demo):
facilitator 45, SMV owner 26, advisor 17, advice provider's advisor 12,
workplace leader 13, workplace representative 8, anonymous 20: 141 in all.
(There is no researcher role: facilitators read logbooks for research.)
"""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from bifrost.accounts.invitations.services import invitation_create
from bifrost.accounts.models import Role, User
from matching.models import MatchRun
from matching.runs.services import match_run_create
from programme.agenda.services import agenda_item_save
from programme.meetings.services import meeting_go_to
from tests.e2e.helpers import assert_accessible, login_and_expect_dashboard
from tests.e2e.phone_pages import (
    DEMO_PASSWORD,
    FACILITATOR,
    ROLES,
    SMV_OWNER,
    company_of,
    demo_programme,
    next_meeting,
)

PHONE = {"width": 390, "height": 844}

# One word a Danish heading can really contain, longer than a phone is wide.
LONG_WORD = "Sygefraværsopfølgningssamtaleforberedelsesskemaet"


@pytest.fixture
def demo(transactional_db):
    """The demo, with the next meeting live on a long word, a draft run, an invitation."""
    call_command("demo_data", stdout=StringIO())
    facilitator = User.objects.get(email=FACILITATOR)
    meeting = next_meeting()
    item = agenda_item_save(meeting=meeting, title=f"{LONG_WORD} gennemgås", duration_minutes=15)
    meeting_go_to(meeting=meeting, item=item)
    match_run_create(programme=demo_programme(), mode=MatchRun.Mode.MAX_TOTAL, by=facilitator)
    invitation_create(
        organisation=company_of(SMV_OWNER),
        email="arbejdsmiljoerepraesentant.for.hele.virksomheden@klokkeblomsten-kommunikation.example",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )


def _width(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


# The row actions of a .table-actions table must be on screen without scrolling
# the table: the right edge of every last cell inside the phone's width.
ACTIONS_OFF_SCREEN = """(width) => Array.from(
    document.querySelectorAll('main table.table-actions tr > :last-child'))
    .map((cell, index) => [index + 1, Math.round(cell.getBoundingClientRect().right)])
    .filter(([, right]) => right > width)"""

# The pages whose tables changed most: axe runs on them at phone width.
AXE_PAGES = {
    ("advisor", "case page"),
    ("facilitator", "meeting agenda builder"),
    ("facilitator", "page revisions"),
    ("facilitator", "organisation page"),
    ("facilitator", "live view"),
    ("SMV owner", "access log"),
}


def test_every_main_page_of_every_role_fits_a_phone(browser, live_server, demo, browser_problems):
    too_wide: list[str] = []
    not_served: list[str] = []
    hidden_actions: list[str] = []
    not_accessible: list[str] = []
    checked: dict[str, int] = {}
    for role, email, pages_of in ROLES:
        pages = pages_of()
        context = browser.new_context(locale="da-DK", base_url=live_server.url, viewport=PHONE)
        page = context.new_page()
        browser_problems.watch(page)
        try:
            if email is not None:
                login_and_expect_dashboard(page, live_server, email, DEMO_PASSWORD)
            for label, path in pages:
                where = f"{role}: {label} {path}"
                try:
                    response = page.goto(live_server.url + path)
                except PlaywrightError as error:
                    not_served.append(f"{where} did not open: {error.message.splitlines()[0]}")
                    continue
                if response is None or response.status != 200:
                    status = response.status if response else "no response"
                    not_served.append(f"{where} answered {status}")
                    continue
                width = _width(page)
                if width > PHONE["width"]:
                    too_wide.append(f"{where} is {width} px wide")
                for row, right in page.evaluate(ACTIONS_OFF_SCREEN, PHONE["width"]):
                    hidden_actions.append(f"{where}: the actions of row {row} end at {right} px")
                if (role, label) in AXE_PAGES:
                    try:
                        assert_accessible(page)
                    except AssertionError as error:
                        not_accessible.append(f"{where}: {error}")
        finally:
            context.close()
        checked[role] = len(pages)

    summary = ", ".join(f"{role} {count}" for role, count in checked.items())
    print(f"\nPages checked at 390 px per role: {summary}; {sum(checked.values())} in all.")
    assert not not_served, "pages that did not open:\n" + "\n".join(not_served)
    assert not too_wide, f"pages wider than the {PHONE['width']} px screen:\n" + "\n".join(too_wide)
    assert not hidden_actions, "row actions off screen:\n" + "\n".join(hidden_actions)
    assert not not_accessible, "\n".join(not_accessible)
    assert not browser_problems.errors, "\n".join(browser_problems.errors)
