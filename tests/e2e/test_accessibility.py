"""axe-core scans of the main pages: no "serious" or "critical" violations allowed.

axe.min.js is injected with Playwright's page.evaluate(), which the site's
strict Content-Security-Policy does not block, so the scans run on the pages
exactly as served (no bypass_csp).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests import factories
from tests.e2e.helpers import LOGIN_PATH, da, login, login_and_expect_dashboard

BLOCKING_IMPACTS = {"serious", "critical"}
BOOTSTRAP_CSS = "/static/vendor/bootstrap/bootstrap.min.css"

_axe = Axe()


def _stylesheets_applied(page: Page) -> None:
    # Colour-contrast results mean nothing without the real CSS: make sure both
    # stylesheets loaded (a 404 or a CSP block would leave them empty).
    loaded = page.evaluate(
        """() => Array.from(document.styleSheets)
                .filter(s => s.href && s.cssRules.length > 0)
                .map(s => new URL(s.href).pathname)"""
    )
    assert BOOTSTRAP_CSS in loaded, loaded
    assert "/static/css/site.css" in loaded, loaded


def _format(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n  {v['helpUrl']}")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}\n       {node['html'].strip()[:300]}")
            summary = node.get("failureSummary", "").replace("\n", "\n         ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Run axe-core on the current page; fail on serious or critical violations."""
    _stylesheets_applied(page)
    results = _axe.run(page)
    violations = results.response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    minor = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
    if minor:  # shown with -s or when the test fails; they do not fail it
        print(f"axe, minor/moderate on {page.url}:\n{_format(minor)}")
    assert not blocking, (
        f"axe-core found {len(blocking)} serious/critical violation(s) on {page.url}:\n"
        + _format(blocking)
    )


def test_static_files_are_served(page, live_server):
    response = page.request.get(live_server.url + BOOTSTRAP_CSS)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/css")


def test_front_page(page, live_server):
    page.goto(live_server.url + "/")
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page)


def test_login_page(page, live_server):
    page.goto(live_server.url + LOGIN_PATH)
    expect(page.locator("main form")).to_be_visible()
    assert_accessible(page)


def test_login_page_with_error(page, live_server):
    user = factories.smv_owner()
    login(page, live_server, user.email, "not-the-password")
    expect(page.locator("main .alert-danger")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    ("make_user", "marker"),
    [
        (factories.smv_owner, "#card-logbook"),
        (factories.advisor, "#card-cases"),
        (factories.facilitator, "#stats-title"),
    ],
    ids=["smv_owner", "advisor", "facilitator"],
)
def test_dashboard(page, live_server, make_user, marker):
    user = make_user()
    login_and_expect_dashboard(page, live_server, user.email, factories.PASSWORD)
    expect(page.locator(marker)).to_be_visible()
    assert_accessible(page)


def test_facilitator_organisation_pages(page, live_server):
    user = factories.facilitator()
    company = factories.OrganisationFactory()
    factories.InvitationFactory(organisation=company, invited_by=user)
    login_and_expect_dashboard(page, live_server, user.email, factories.PASSWORD)

    for path in (
        "/organisations/",
        f"/organisations/{company.pk}/",
        f"/organisations/{company.pk}/invite/",
    ):
        response = page.goto(live_server.url + path)
        assert response is not None and response.ok, path
        assert_accessible(page)


def test_narrow_screen_front_page(page, live_server):
    # Phones get the collapsed navigation (Bootstrap's md breakpoint).
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/")
    expect(page.locator("header .navbar-toggler")).to_be_visible()
    assert_accessible(page)


def test_skip_link_is_first_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text(da("Skip to main content"))
    expect(skip).to_be_in_viewport()  # hidden off-screen until focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_narrow_screen_menu_opens(page, live_server):
    # Bootstrap's collapse needs its script, which must load under the CSP.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/")
    toggler = page.locator("header .navbar-toggler")
    login_link = page.locator("header").get_by_role("link", name=da("Log in"), exact=True)
    expect(login_link).to_be_hidden()
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(login_link).to_be_visible()
