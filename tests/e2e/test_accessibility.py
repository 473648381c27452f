"""axe-core scans of the main pages: no "serious" or "critical" violations allowed
(`helpers.assert_accessible`, which the other browser tests use too)."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.helpers import (
    BOOTSTRAP_CSS,
    LOGIN_PATH,
    assert_accessible,
    da,
    login,
    login_and_expect_dashboard,
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
        (factories.smv_owner, "#panel-next-meeting"),
        (factories.advisor, "#panel-cases"),
        (factories.facilitator, "#panel-programme-meetings"),
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
