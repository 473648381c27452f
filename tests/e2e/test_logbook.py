"""The logbook in the browser: an SMV owner writes an entry, sees the draft being
autosaved, saves it, finds it in the logbook, exports the PDF and opens it; axe scans."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from logbook.models import Entry, EntryDraft
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard

# `owner` is the shared one (tests/fixtures/programme.py): the owner of Lokalavisen
# Prøve ApS, enrolled in BIFROST 2027; live_server makes its database transactional.


def test_owner_writes_an_entry_with_autosave(page: Page, live_server, owner, password):
    login_and_expect_dashboard(page, live_server, owner.email, password)
    page.goto(live_server.url + "/logbook/")
    page.get_by_role("link", name=re.compile("Lokalavisen Prøve ApS")).click()
    expect(page.locator("main h1")).to_contain_text("Lokalavisen Prøve ApS")
    expect(page.locator("main")).to_contain_text(da("Your advisor can read this logbook: yes"))
    assert_accessible(page)

    page.get_by_role("link", name=da("Write an entry")).first.click()
    form = page.locator("#entry-form")
    expect(form.get_by_label(da("Title"))).to_be_visible()
    # Only the fields of the chosen kind show.
    expect(form.get_by_label(da("For whom"))).to_be_hidden()
    form.get_by_label(da("Kind of entry")).select_option("initiative")
    expect(form.get_by_label(da("For whom"))).to_be_visible()
    form.get_by_label(da("Title")).fill("Fast ugemøde om arbejdspres")
    form.get_by_label(da("Text")).fill("Vi holder et kort møde hver mandag.")
    form.get_by_label(da("For whom")).fill("Redaktionen")

    prefix = da("Draft saved at %(time)s").split("%(time)s")[0].strip()
    expect(page.locator("#autosave-status")).to_contain_text(prefix)
    assert EntryDraft.objects.filter(user=owner).exists()
    assert_accessible(page)

    form.get_by_role("button", name=da("Save"), exact=True).click()
    expect(page.locator("main h1")).to_have_text("Fast ugemøde om arbejdspres")
    expect(page.locator("main")).to_contain_text("Redaktionen")
    entry = Entry.objects.get()
    assert entry.kind == Entry.Kind.INITIATIVE
    assert not EntryDraft.objects.exists()

    page.get_by_role("link", name=da("Back to the logbook")).click()
    expect(page.get_by_role("link", name="Fast ugemøde om arbejdspres")).to_be_visible()

    # Export the logbook as a PDF and open the file.
    page.get_by_role("navigation", name=da("More in the logbook")).get_by_role(
        "link", name=da("Export"), exact=True
    ).click()
    expect(page.locator("main h1")).to_have_text(da("Export the logbook"))
    assert_accessible(page)
    page.get_by_role("button", name=da("Make the PDF")).click()
    download_link = page.get_by_role("link", name=da("Download the PDF")).first
    expect(download_link).to_be_visible(timeout=60_000)
    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    # Opening it: the browser gets the file as a PDF and it is never cached.
    response = page.request.get(download_link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    assert "no-store" in response.headers["cache-control"]
    assert response.body() == pdf
