"""Danish by default; the language switcher changes to English and the choice sticks."""

from playwright.sync_api import expect

from tests.e2e.helpers import LOGIN_PATH, da, url_path

LANGUAGE_COOKIE = "bifrost_language"


def _switcher(page):
    return page.locator("header form.language-switcher")


def test_danish_by_default_then_english_sticks(page, live_server, context):
    response = page.goto(live_server.url + "/")
    assert response is not None and response.ok
    # Danish even though nothing was chosen (the browser's locale is da-DK
    # anyway; test_english_browser_still_gets_danish covers Accept-Language).
    expect(page.locator("html")).to_have_attribute("lang", "da")
    assert response.headers.get("content-language") == "da"
    switcher = _switcher(page)
    expect(switcher.get_by_role("button", name="Dansk")).to_have_attribute("aria-pressed", "true")
    english = switcher.get_by_role("button", name="English")
    expect(english).to_have_attribute("aria-pressed", "false")
    header = page.locator("header")
    expect(header.get_by_role("link", name=da("Log in"), exact=True)).to_be_visible()

    english.click()

    # The same page again, now in English.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(url_path(live_server, "/"))
    expect(switcher.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    expect(switcher.get_by_role("button", name="Dansk")).to_have_attribute("aria-pressed", "false")
    login_link = header.get_by_role("link", name="Log in", exact=True)
    expect(login_link).to_be_visible()
    cookies = {c["name"]: c["value"] for c in context.cookies(live_server.url)}
    assert cookies.get(LANGUAGE_COOKIE) == "en"

    # The choice sticks on the next page.
    login_link.click()
    expect(page).to_have_url(url_path(live_server, LOGIN_PATH))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text("Log in")
    expect(page.locator("main").get_by_label("Password")).to_be_visible()

    # And switching back to Danish works the same way.
    _switcher(page).get_by_role("button", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page).to_have_url(url_path(live_server, LOGIN_PATH))
    expect(page.locator("main h1")).to_have_text(da("Log in"))


def test_english_browser_still_gets_danish(browser, live_server):
    # Only the switcher's cookie changes the language, not Accept-Language.
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        expect(page.locator("html")).to_have_attribute("lang", "da")
    finally:
        context.close()
