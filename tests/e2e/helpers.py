"""Shared steps and checks for the browser tests (fixtures live in conftest.py).

`assert_accessible` runs axe-core: axe.min.js is injected with Playwright's
page.evaluate(), which the site's strict Content-Security-Policy does not block,
so the scans run on the pages exactly as served (no bypass_csp).
"""

import re

from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import Page, expect

# Auto-waiting limit for every locator action and navigation (ms). Generous for
# a loaded CI machine; a passing run never waits this long.
DEFAULT_TIMEOUT_MS = 15_000

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


class BrowserProblems:
    """JavaScript errors and CSP violations seen by a page during one test."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def watch(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"JavaScript error: {error}"))
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        text = message.text
        if message.type == "error" and "Content Security Policy" in text:
            self.errors.append(f"CSP violation: {text}")


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
    # A button's colour fading in after a click or a focus change (Bootstrap's 0.15 s
    # transitions) would be measured halfway: wait until nothing is moving.
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect.getTiming().iterations === Infinity)"  # spinners never stop
    )
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
