"""The advice catalogue and the administrators' overview in a real browser.

A visitor opens the catalogue from the front page, filters the providers by theme
(a plain GET form), opens a provider; every page passes axe and has no sideways
scroll on a 390 px phone. A facilitator's overview passes axe too.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from advice import demo
from tests import factories
from tests.advice import factories as advice
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard

PHONE = {"width": 390, "height": 800}
THEME = "vold-og-trusler"
PROVIDER = "raadgivningshuset-regnbue"


@pytest.fixture
def catalogue(live_server):
    demo.load(today=timezone.localdate())


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways ({width}px)"


def _check(page: Page) -> None:
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    _no_sideways_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_visitor_finds_a_provider_by_theme(page: Page, live_server, catalogue):
    page.goto(live_server.url + "/")
    page.locator("main").get_by_role("link", name=da("See the providers and themes")).click()
    expect(page.locator("h1")).to_contain_text(da("Expert advice on request"))
    _check(page)

    page.goto(live_server.url + "/advice/providers/")
    page.get_by_label(da("Theme")).select_option(THEME)
    page.locator("#theme-filter").get_by_role("button").click()
    expect(page).to_have_url(f"{live_server.url}/advice/providers/?theme={THEME}")
    cards = page.locator("main h3")
    expect(cards).to_have_count(2)  # Fyrtårn and Regnbue describe the theme; Havørn not
    _check(page)

    page.get_by_role("link", name="Rådgivningshuset Regnbue (demo)").click()
    expect(page).to_have_url(f"{live_server.url}/advice/providers/{PROVIDER}/")
    steps = page.locator("main ol.list-group > li")
    expect(steps).to_have_count(6)
    expect(steps.last).to_contain_text(da("Required follow-up conversation"))
    _check(page)


def test_a_theme_page_is_accessible(page: Page, live_server, catalogue):
    page.goto(f"{live_server.url}/advice/themes/{THEME}/")
    expect(page.locator("h1")).to_have_text("Vold og trusler")
    _check(page)


def test_the_overview_is_accessible(page: Page, live_server, catalogue, password):
    provider = advice.ProviderFactory(name="Udbyder Overblik")
    offer_round = advice.OfferRoundFactory()
    theme = advice.ThemeFactory(round=offer_round)
    sent = timezone.now() - datetime.timedelta(days=40)
    advice.awaiting_request(round=offer_round, provider=provider, themes=[theme])
    advice.queued_request(round=offer_round, provider=provider, themes=[theme], now=sent)
    person = factories.facilitator()
    login_and_expect_dashboard(page, live_server, person.email, password)
    page.goto(live_server.url + "/advice/overview/")
    # The catalogue fixture's demo brings its own requests; these two are this provider's.
    expect(page.locator("main tbody tr", has_text="Udbyder Overblik")).to_have_count(2)
    _check(page)
    page.goto(live_server.url + "/advice/overview/counts/")
    expect(page.locator("main svg")).to_have_count(4)
    _check(page)
