"""The privacy and help pages, the 404 and the password reset in the browser: reached
from the footer, readable at 390 px without sideways scrolling, and passing axe."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import assert_accessible, da

PHONE = {"width": 390, "height": 844}


def _fits_a_phone(page: Page) -> None:
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide at 390 px"


@pytest.mark.parametrize(
    ("link", "heading"),
    [("Privacy", "Privacy on BIFROST"), ("Help and contact", "Help and contact")],
)
def test_the_footer_leads_to_the_page(page: Page, live_server, link, heading):
    page.goto(live_server.url + "/")
    page.locator("footer").get_by_role("link", name=da(link), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(da(heading))
    _fits_a_phone(page)
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/no-such-page/", "/accounts/password/reset/"])
def test_the_404_and_the_password_reset_fit_a_phone_and_pass_axe(page: Page, live_server, path):
    page.goto(live_server.url + path)
    _fits_a_phone(page)
    assert_accessible(page)
