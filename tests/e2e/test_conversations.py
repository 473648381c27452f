"""A conversation in the browser: the advisor comments on an entry; the SMV owner, in
a browser of her own, sees the bell's unread count rise, opens the notification
(it leads to the entry), replies; the advisor sees the reply and is notified too.
axe scans the entry page with its thread and the notification list."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import DEFAULT_TIMEOUT_MS, assert_accessible, da, login_and_expect_dashboard
from tests.logbook.factories import EntryFactory

COMMENT = "Godt at I har fundet et fast tidspunkt. Hvem tager referatet?"
REPLY = "Det gør vi på skift, og vi deler det i teamet bagefter."


@pytest.fixture
def entry(logbook, owner, case):
    """The owner's entry in the company's logbook; `case` makes its advisor consented."""
    return EntryFactory(logbook=logbook, author=owner, title="Fast ugemøde om arbejdspres")


@pytest.fixture
def owner_page(browser, live_server, browser_problems) -> Page:
    """A second browser of its own (cookies apart from `page`'s), for the owner."""
    context: BrowserContext = browser.new_context(locale="da-DK", base_url=live_server.url)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    browser_problems.watch(page)
    yield page
    context.close()


def _bell(page: Page):
    return page.locator("header").locator('a[href="/notifications/"]')


def test_advisor_and_owner_talk_about_an_entry(
    page: Page, owner_page: Page, live_server, logbook, entry, case, owner, password
):
    advisor_page = page
    entry_path = f"/logbook/{logbook.pk}/entries/{entry.pk}/"

    login_and_expect_dashboard(owner_page, live_server, owner.email, password)
    expect(_bell(owner_page).locator(".badge")).to_have_count(0)

    # The advisor comments on the entry.
    login_and_expect_dashboard(advisor_page, live_server, case.advisor.email, password)
    advisor_page.goto(live_server.url + entry_path)
    expect(advisor_page.locator("main h1")).to_have_text("Fast ugemøde om arbejdspres")
    thread = advisor_page.locator("section#comments")
    thread.get_by_label(da("Your comment")).fill(COMMENT)
    thread.get_by_role("button", name=da("Add comment"), exact=True).click()
    expect(advisor_page.locator("section#comments")).to_contain_text(COMMENT)

    # The owner's bell counts it; the notification leads to the entry.
    owner_page.reload()
    expect(_bell(owner_page).locator(".badge")).to_have_text("1")
    _bell(owner_page).click()
    expect(owner_page.locator("main h1")).to_have_text(da("Notifications"))
    notification = owner_page.locator("main").get_by_role(
        "link", name=re.compile(re.escape(case.advisor.get_full_name()))
    )
    expect(notification).to_contain_text(logbook.company.name)
    assert COMMENT not in owner_page.locator("main").inner_text()
    assert_accessible(owner_page)
    notification.click()
    expect(owner_page).to_have_url(
        re.compile(re.escape(live_server.url + entry_path) + r"#comment-\d+$")
    )
    expect(owner_page.locator("section#comments")).to_contain_text(COMMENT)
    expect(_bell(owner_page).locator(".badge")).to_have_count(0)

    # She replies under the advisor's comment.
    owner_thread = owner_page.locator("section#comments")
    owner_thread.locator("summary", has_text=da("Reply")).click()
    owner_thread.get_by_label(da("Your reply")).fill(REPLY)
    owner_thread.get_by_role("button", name=da("Send reply"), exact=True).click()
    replies = owner_page.locator("section#comments ul")
    expect(replies).to_contain_text(REPLY)
    expect(replies).to_contain_text(case.advisor.get_full_name())  # "in reply to …"
    assert_accessible(owner_page)

    # The advisor sees the reply and is notified of it.
    advisor_page.reload()
    expect(advisor_page.locator("section#comments ul")).to_contain_text(REPLY)
    expect(_bell(advisor_page).locator(".badge")).to_have_text("1")
    _bell(advisor_page).click()
    expect(advisor_page.locator("main")).to_contain_text(owner.get_full_name())
    assert REPLY not in advisor_page.locator("main").inner_text()
    assert_accessible(advisor_page)
