"""A facilitator invites a person in the browser; the person accepts from the e-mail."""

import re

from django.core import mail
from playwright.sync_api import expect

from bifrost.accounts.models import Invitation, Membership, Role
from tests import factories
from tests.e2e.helpers import DASHBOARD_PATH, da, login_and_expect_dashboard, logout, url_path

INVITEE = "ny.ejer@example.test"
NEW_PASSWORD = "Fjordhest-Kanel-2931"
ACCEPT_LINK = re.compile(r"https?://\S+/invitations/accept/[^/\s]+/")


def test_facilitator_invites_and_invitee_accepts(page, live_server, settings):
    # The e-mailed link must point at the live server.
    settings.SITE_URL = live_server.url
    facilitator = factories.facilitator()
    company = factories.OrganisationFactory()

    # --- the facilitator sends the invitation -------------------------------
    login_and_expect_dashboard(page, live_server, facilitator.email, factories.PASSWORD)
    page.locator("header").get_by_role("link", name=da("Organisations"), exact=True).click()
    expect(page).to_have_url(url_path(live_server, "/organisations/"))
    page.locator("main").get_by_role("link", name=company.name, exact=True).click()
    expect(page).to_have_url(url_path(live_server, f"/organisations/{company.pk}/"))
    expect(page.locator("main h1")).to_have_text(company.name)

    page.locator("main").get_by_role("link", name=da("Invite a person"), exact=True).click()
    expect(page).to_have_url(url_path(live_server, f"/organisations/{company.pk}/invite/"))
    form = page.locator("main form")
    form.get_by_label(da("E-mail address")).fill(INVITEE)
    # A company only takes an SMV owner: the one role offered is preselected.
    expect(form.get_by_label(da("Role"))).to_have_value(Role.SMV_OWNER.value)
    form.get_by_role("button", name=da("Send invitation"), exact=True).click()

    expect(page).to_have_url(url_path(live_server, f"/organisations/{company.pk}/"))
    success = page.locator("main .messages .alert-success")
    expect(success).to_be_visible()
    expect(success).to_contain_text(INVITEE)
    invitations = page.locator("main section[aria-labelledby='invitations-title'] tbody tr")
    expect(invitations).to_have_count(1)
    expect(invitations.first).to_contain_text(INVITEE)

    # --- the e-mail ---------------------------------------------------------
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [INVITEE]
    assert company.name in message.subject
    links = ACCEPT_LINK.findall(message.body)
    assert len(links) == 1, message.body
    accept_url = links[0]
    assert accept_url.startswith(live_server.url + "/invitations/accept/")

    # --- the invitee accepts ------------------------------------------------
    logout(page)
    expect(page).to_have_url(url_path(live_server, "/"))
    expect(
        page.locator("header").get_by_role("link", name=da("Log in"), exact=True)
    ).to_be_visible()

    response = page.goto(accept_url)
    assert response is not None and response.status == 200
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text(da("Accept invitation"))
    expect(main).to_contain_text(company.name)
    expect(main).to_contain_text(INVITEE)
    main.get_by_label(da("Your full name")).fill("Nina Nyejer")
    main.get_by_label(da("Choose a password")).fill(NEW_PASSWORD)
    main.get_by_label(da("Repeat the password")).fill(NEW_PASSWORD)
    main.get_by_role("button", name=da("Create my account"), exact=True).click()

    # Logged in straight away, on the SMV owner's dashboard.
    expect(page).to_have_url(url_path(live_server, DASHBOARD_PATH))
    expect(main.locator(".messages .alert-success")).to_contain_text(company.name)
    expect(main.locator("h1")).to_contain_text("Nina")
    expect(main.locator("#panel-next-meeting")).to_be_visible()  # the owner's dashboard
    expect(main.locator("#stats-title")).to_have_count(0)
    membership = Membership.objects.select_related("user").get(organisation=company)
    assert membership.user.email == INVITEE
    assert membership.role == Role.SMV_OWNER
    assert Invitation.objects.get(organisation=company).accepted_by == membership.user

    # --- the same link a second time ---------------------------------------
    response = page.goto(accept_url)
    assert response is not None and response.status == 410
    expect(main.locator("h1")).to_have_text(da("The invitation cannot be used"))
    expect(main.locator(".lead")).to_have_text(
        da("This invitation has already been used. Log in with your e-mail and password.")
    )
    expect(main.locator("form")).to_have_count(0)
    expect(main.get_by_role("link", name=da("Go to the login page"))).to_be_visible()
    # The new account works with the password chosen above.
    assert membership.user.check_password(NEW_PASSWORD)
