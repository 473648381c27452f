"""Each role logs in through the real login page and lands on its own dashboard."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.helpers import (
    DASHBOARD_PATH,
    EMAIL_LABEL,
    LOGIN_PATH,
    PASSWORD_LABEL,
    da,
    login,
    login_and_expect_dashboard,
    url_path,
)

# Heading ids that exist on exactly one role's dashboard template.
ROLE_MARKERS = {
    "smv_owner": "#panel-next-meeting",  # programme/dashboards/dashboard_next_meeting.html
    "advisor": "#panel-cases",  # matching/dashboards/dashboard_advisor_cases.html
    "facilitator": "#panel-programme-meetings",  # …/dashboard_programme_meetings.html
}
ROLE_HEADINGS = {
    "smv_owner": "The next development meeting",
    "advisor": "My cases",
    "facilitator": "The next meeting of each programme",
}
MAKE_USER = {
    "smv_owner": factories.smv_owner,
    "advisor": factories.advisor,
    "facilitator": factories.facilitator,
}


@pytest.mark.parametrize("role", ["smv_owner", "advisor", "facilitator"])
def test_role_logs_in_and_sees_own_dashboard(page, live_server, role):
    user = MAKE_USER[role]()

    login_and_expect_dashboard(page, live_server, user.email, factories.PASSWORD)

    main = page.locator("main")
    expect(main.locator("h1")).to_contain_text(user.get_short_name())
    own = main.locator(ROLE_MARKERS[role])
    expect(own).to_be_visible()
    expect(own).to_have_text(da(ROLE_HEADINGS[role]))
    for other_role, selector in ROLE_MARKERS.items():
        if other_role != role:
            expect(main.locator(selector)).to_have_count(0)
    # Logged in: the header offers "Log out" instead of "Log in".
    header = page.locator("header")
    expect(header.get_by_role("button", name=da("Log out"), exact=True)).to_be_visible()
    expect(header.get_by_role("link", name=da("Log in"), exact=True)).to_have_count(0)


def test_facilitator_dashboard_counts_organisations(page, live_server):
    user = factories.facilitator()  # brings one facilitator organisation
    factories.OrganisationFactory.create_batch(2)  # two companies
    factories.AdvisoryUnitFactory()

    login_and_expect_dashboard(page, live_server, user.email, factories.PASSWORD)

    # The shortcuts row links to the organisations with their numbers.
    shortcuts = page.locator("main nav[aria-labelledby='shortcuts-title']")
    label = da("Organisations (%(companies)s companies, %(units)s advisory units)") % {
        "companies": 2,
        "units": 1,
    }
    expect(shortcuts.get_by_role("link", name=label, exact=True)).to_be_visible()


def test_wrong_password_shows_error_and_stays_on_login_page(page, live_server):
    user = factories.smv_owner()

    login(page, live_server, user.email, "not-the-password")

    expect(page).to_have_url(url_path(live_server, LOGIN_PATH))
    main = page.locator("main")
    error = main.locator(".alert-danger")
    expect(error).to_be_visible()
    expect(error).not_to_be_empty()
    # The e-mail is kept, the password is not, so the person can simply retry.
    expect(main.get_by_label(EMAIL_LABEL)).to_have_value(user.email)
    expect(main.get_by_label(PASSWORD_LABEL)).to_have_value("")
    # Not logged in: the dashboard sends the browser back to the login page.
    page.goto(live_server.url + DASHBOARD_PATH)
    expect(page).to_have_url(url_path(live_server, LOGIN_PATH))
