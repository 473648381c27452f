"""A workplace's leader and representative request a course together in the browser,
and the provider accepts it: the two-party confirmation end to end, axe-clean pages,
no sideways scrolling at 390 px."""

import re

from django.core import mail
from playwright.sync_api import Page, expect

from advice.models import AdviceRequest, RequestState
from tests import factories
from tests.advice import factories as advice
from tests.e2e.helpers import EMAIL_LABEL, PASSWORD_LABEL, assert_accessible, da, logout

CONFIRM_LINK = re.compile(r"https?://\S+/advice/confirm/[^/\s]+/")
REP_EMAIL = "tove.tillid@region.example"
REP_PASSWORD = "Fjordhest-Kanel-2931"


def _no_sideways_scroll(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} scrolls sideways at 390 px ({width} px wide)"
    page.set_viewport_size({"width": 1280, "height": 900})


def _checked(page: Page) -> None:
    assert_accessible(page)
    _no_sideways_scroll(page)


def test_leader_and_representative_request_and_the_provider_accepts(page, live_server, settings):
    settings.SITE_URL = live_server.url
    advice.OfferRoundFactory(rules_text="Gratis, men det koster arbejdstid.")
    provider = advice.ProviderFactory(name="Udbyder Fyrtårn")
    advice.course_model(provider)
    advice.ProviderCapacityFactory(provider=provider)
    advisor = factories.advisor(organisation=provider.organisation)
    leader = factories.UserFactory(full_name="Lise Leder")

    # --- the leader starts from the catalogue's button and logs in ------------------
    # The first page of a fresh browser: wait for the document, not every asset
    # (on a busy machine the first full load can exceed the default timeout).
    page.goto(
        f"{live_server.url}/advice/request/?provider={provider.slug}",
        wait_until="domcontentloaded",
    )
    _checked(page)
    page.locator("main").get_by_role("link", name=da("I have an account: log in")).click()
    main = page.locator("main")
    main.get_by_label(EMAIL_LABEL).fill(leader.email)
    main.get_by_label(PASSWORD_LABEL).fill(factories.PASSWORD)
    main.get_by_role("button", name=da("Log in"), exact=True).click()
    expect(page).to_have_url(re.compile(r".*/advice/requests/new/\?provider="))
    form = page.locator("main form")
    expect(form.locator("[name=provider]")).to_have_value(str(provider.pk))
    _checked(page)

    # An exclusion is refused with its message, and nothing typed is lost.
    form.locator("[name=workplace_name]").fill("Regionshospital Nord")
    form.locator("[name=workplace_kind]").select_option("hospital_ward")
    form.locator("[name=situation]").fill("Vi flytter sammen med et andet afsnit.")
    form.locator("[name=goals]").fill("Et fælles sprog om forandringen.")
    form.locator("[name=participants]").fill("22")
    form.locator("[name=expected_hours]").fill("66")
    form.locator("[name=representative_name]").fill("Tove Tillid")
    form.locator("[name=representative_email]").fill(REP_EMAIL)
    form.locator("[name=inspectorate_order][value=open]").check()
    form.locator("[name=exclusions_confirmed]").check()
    form.locator("button[value=submit]").click()
    expect(page.locator("main .invalid-feedback, main .alert-danger").first).to_be_visible()
    assert not AdviceRequest.objects.exists()
    _checked(page)
    form = page.locator("main form")
    expect(form.locator("[name=workplace_name]")).to_have_value("Regionshospital Nord")
    form.locator("[name=inspectorate_order][value=none]").check()
    form.locator("[name=exclusions_confirmed]").check()
    form.locator("button[value=submit]").click()
    expect(page.locator("#request-state")).to_have_attribute(
        "data-state", RequestState.AWAITING_REPRESENTATIVE
    )
    _checked(page)

    # --- the e-mail to the representative: a link, no request text -----------------
    message = next(m for m in mail.outbox if m.to == [REP_EMAIL])
    assert "flytter" not in message.body and "fælles sprog" not in message.body
    link = CONFIRM_LINK.findall(message.body)[0]

    # The leader opening the link cannot confirm for the representative.
    response = page.goto(link)
    assert response is not None and response.status == 410
    logout(page)

    # --- the representative creates an account and confirms ------------------------
    page.goto(link)
    _checked(page)
    main = page.locator("main")
    main.locator("[name=full_name]").fill("Tove Tillid")
    main.locator("[name=password1]").fill(REP_PASSWORD)
    main.locator("[name=password2]").fill(REP_PASSWORD)
    main.locator("form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Vi flytter sammen")
    _checked(page)
    page.locator("main button[value=confirm]").click()
    expect(page.locator("#request-state")).to_have_attribute("data-state", RequestState.QUEUED)
    request = AdviceRequest.objects.get()
    assert request.representative.email == REP_EMAIL
    page.goto(f"{live_server.url}/advice/requests/")
    _checked(page)
    logout(page)

    # --- the provider sees it in its queue and accepts it --------------------------
    page.goto(f"{live_server.url}/accounts/login/")
    main = page.locator("main")
    main.get_by_label(EMAIL_LABEL).fill(advisor.email)
    main.get_by_label(PASSWORD_LABEL).fill(factories.PASSWORD)
    main.get_by_role("button", name=da("Log in"), exact=True).click()
    page.goto(f"{live_server.url}/advice/providers/{provider.slug}/queue/")
    expect(page.locator("main tbody tr[data-rank='1']")).to_contain_text("Regionshospital Nord")
    _checked(page)
    page.locator("main").get_by_role("link", name="Regionshospital Nord").click()
    page.locator("main").get_by_role("link", name=da("Accept"), exact=True).click()
    page.locator("main [name=start_date]").fill("2099-03-02")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r".*/advice/courses/\d+/$"))
    expect(page.locator("main li[data-step]")).to_have_count(4)
    _checked(page)
    page.locator("main li[data-step]").first.locator("button").click()
    expect(page.locator("main .alert-success").first).to_be_visible()
    request.refresh_from_db()
    assert request.state == RequestState.ACCEPTED
    assert request.course.steps.filter(done_at__isnull=False).count() == 1
