"""Browser (end-to-end) fixtures: Playwright's sync API driving the system Chromium.

Playwright never downloads a browser here: it launches Debian's /usr/bin/chromium
(or $CHROMIUM_PATH). Install it once with `bash scripts/ensure-chromium.sh`.

The pages are served by pytest-django's `live_server` (a real HTTP server in a
thread of this process, on the PostgreSQL test database). Because it is the
same process, `settings` overrides and `django.core.mail.outbox` are shared
with the server thread.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.e2e.helpers import DEFAULT_TIMEOUT_MS, BrowserProblems

E2E_DIR = Path(__file__).resolve().parent
DEFAULT_CHROMIUM = "/usr/bin/chromium"

# No network on the test machines: these flags keep Chromium from trying to
# reach Google services and logging connection errors.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    # Every test in this folder is a browser test (`-m "not browser"` skips them).
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {path}: run `bash scripts/ensure-chromium.sh` "
            "(or set CHROMIUM_PATH to a Chromium binary).",
            pytrace=False,
        )
    return path


ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


@pytest.fixture(scope="package", autouse=True)
def _allow_async_unsafe():
    """Let Django use the ORM from the test thread while Playwright runs.

    Playwright's sync API keeps an asyncio event loop running in the test
    thread, and Django refuses ORM calls (factories, assertions, the database
    flush after each test) from a thread with a running loop unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set.

    Set for this package only, not at import time: the variable would leak
    into the rest of the run and into subprocesses (`manage.py check --deploy`
    reports it as async.E001). Playwright is package-scoped too, so its loop
    is stopped before any test outside tests/e2e runs.
    """
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    yield
    if previous is None:
        os.environ.pop(ASYNC_UNSAFE, None)
    else:
        os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="package")
def playwright_instance(_allow_async_unsafe):
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="package")
def browser(playwright_instance, chromium_executable) -> Browser:
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_executable,
        headless=True,
        args=CHROMIUM_ARGS,
    )
    yield browser
    browser.close()


@pytest.fixture(autouse=True)
def _e2e_settings(settings):
    # Facilitators are not forced through TOTP set-up here (that has its own
    # tests); the flag may come from the environment, so pin it.
    settings.BIFROST_REQUIRE_FACILITATOR_2FA = False
    # Every test hashes a password twice (factory, then login): the real
    # PBKDF2 work factor would cost about a second per test for nothing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser_problems() -> BrowserProblems:
    return BrowserProblems()


@pytest.fixture
def context(browser, live_server) -> BrowserContext:
    """A fresh browser context (no cookies) per test, with a Danish browser locale."""
    context = browser.new_context(locale="da-DK", base_url=live_server.url)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context, browser_problems) -> Page:
    """A fresh page in a fresh Danish-locale context; fails on JS errors or CSP blocks."""
    page = context.new_page()
    browser_problems.watch(page)
    yield page
    assert not browser_problems.errors, "\n".join(browser_problems.errors)
