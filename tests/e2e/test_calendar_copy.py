"""The calendar link in the browser: shown whole on a phone, copied with one press
(static/js/copy.js), and selected for Ctrl+C where the clipboard is refused."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard

PHONE = {"width": 390, "height": 844}
FEED_URL = re.compile(r"^https?://\S+/programme/calendar/[A-Za-z0-9_-]+\.ics$")


def _new_link(page: Page, live_server, owner, password) -> str:
    login_and_expect_dashboard(page, live_server, owner.email, password)
    page.goto(live_server.url + "/programme/calendar/")
    page.get_by_role("button", name=da("Create a calendar link"), exact=True).click()
    link = page.locator("#calendar-feed-url")
    expect(link).to_be_visible()
    url = link.inner_text().strip()
    assert FEED_URL.match(url), url
    return url


def test_the_copy_button_puts_the_whole_link_on_the_clipboard(
    page: Page, context, live_server, owner, password
):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    url = _new_link(page, live_server, owner, password)
    status = page.locator('[data-copy-status="calendar-feed-url"]')
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")
    page.get_by_role("button", name=da("Copy the calendar link"), exact=True).click()
    expect(status).to_have_text(da("Copied"))
    assert page.evaluate("navigator.clipboard.readText()") == url
    # The webcal link has its own button and status; the first one's is untouched.
    page.get_by_role("button", name=da("Copy the webcal link"), exact=True).click()
    expect(page.locator('[data-copy-status="calendar-feed-webcal"]')).to_have_text(da("Copied"))
    assert page.evaluate("navigator.clipboard.readText()").startswith("webcal://")


def test_without_the_clipboard_the_link_is_selected_to_copy_by_hand(
    page: Page, live_server, owner, password
):
    page.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: "
        "() => Promise.reject(new Error('not allowed'))}});"
    )
    url = _new_link(page, live_server, owner, password)
    page.get_by_role("button", name=da("Copy the calendar link"), exact=True).click()
    status = page.locator('[data-copy-status="calendar-feed-url"]')
    expect(status).to_have_text(da("The link is selected: press Ctrl+C (⌘+C on a Mac) to copy it."))
    assert page.evaluate("window.getSelection().toString().trim()") == url


def test_the_link_is_shown_whole_on_a_phone(page: Page, live_server, owner, password):
    page.set_viewport_size(PHONE)
    url = _new_link(page, live_server, owner, password)
    link = page.locator("#calendar-feed-url")
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # Wrapped onto more lines, never cut off inside its box.
    assert page.evaluate("e => e.scrollWidth <= e.clientWidth", link.element_handle())
    assert link.inner_text().strip() == url
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the calendar page is {width} px wide"
    assert_accessible(page)
