"""Shared steps for the browser tests."""

import re

from django.utils import translation
from playwright.sync_api import Page, expect

LOGIN_PATH = "/accounts/login/"
DASHBOARD_PATH = "/dashboard/"

# The login form as rendered in Danish (allauth's LoginForm fields `login` and
# `password`): "E-mail*" and "Adgangskode*" (the asterisk marks required fields).
EMAIL_LABEL = "E-mail"
PASSWORD_LABEL = "Adgangskode"


def da(message: str) -> str:
    """`message` as the site renders it in Danish (whatever the catalogues hold).

    Used for project strings whose Danish translation is still being written,
    so the tests follow the catalogue instead of hard-coding a translation.
    """
    with translation.override("da"):
        return translation.gettext(message)


def url_path(live_server, path: str) -> re.Pattern:
    """A URL matcher for `path` on the live server (query string allowed)."""
    return re.compile("^" + re.escape(live_server.url + path) + r"(\?.*)?$")


def login(page: Page, live_server, email: str, password: str) -> None:
    """Log in through the real login page, as a person would."""
    page.goto(live_server.url + LOGIN_PATH)
    main = page.locator("main")
    main.get_by_label(EMAIL_LABEL).fill(email)
    main.get_by_label(PASSWORD_LABEL).fill(password)
    main.get_by_role("button", name=da("Log in"), exact=True).click()


def login_and_expect_dashboard(page: Page, live_server, email: str, password: str) -> None:
    login(page, live_server, email, password)
    expect(page).to_have_url(url_path(live_server, DASHBOARD_PATH))


def logout(page: Page) -> None:
    """Press the header's "Log out" button (a POST form, not a link)."""
    page.locator("header").get_by_role("button", name=da("Log out"), exact=True).click()
