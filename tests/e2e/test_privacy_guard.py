"""The privacy guard while typing: a CPR-number pattern or a first name alone from the
staff list shows a warning right below the field being written, before saving; saving
the CPR pattern then asks for the tick "this is not a CPR number"."""

import re

from playwright.sync_api import Page, expect

from logbook.models import Entry, Logbook
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard


def test_typing_a_cpr_pattern_or_a_staff_first_name_warns_next_to_the_field(
    page: Page, live_server, owner, password, programme, company
):
    logbook = Logbook.objects.get(programme=programme, company=company)
    logbook.staff_names = "Mette Hansen\nPer Olsen"
    logbook.save()
    login_and_expect_dashboard(page, live_server, owner.email, password)
    page.goto(f"{live_server.url}/logbook/{logbook.pk}/entries/new/")
    form = page.locator("#entry-form")
    form.locator("#id_title").fill("Travle uger")
    body = form.locator("#id_body")
    warnings = page.locator("#id_body-privacy")
    expect(warnings).to_have_attribute("aria-live", "polite")

    body.press_sequentially("Mette var ikke på arbejde")
    expect(warnings).to_contain_text("Mette")
    expect(page.locator("#id_title-privacy")).to_be_empty()  # next to the field typed in

    body.fill("")
    body.press_sequentially("Nummeret er 010190-1234")
    expect(warnings).to_contain_text("CPR")
    expect(warnings).not_to_contain_text("Mette")
    assert_accessible(page)

    # Saving the CPR pattern asks first, with the text kept; the tick saves it.
    form.get_by_role("button", name=da("Save"), exact=True).click()
    expect(page.locator("main h1")).to_have_text(re.compile(da("Write an entry")))
    expect(page.locator("#id_body")).to_have_value("Nummeret er 010190-1234")
    assert not Entry.objects.exists()
    page.locator("#id_confirm_not_cpr").check()
    page.locator("#entry-form").get_by_role("button", name=da("Save"), exact=True).click()
    expect(page.locator("main h1")).to_have_text("Travle uger")
    assert Entry.objects.get().body == "Nummeret er 010190-1234"
