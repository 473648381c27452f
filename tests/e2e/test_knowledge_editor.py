"""The knowledge editor in a real browser: an editor finds it from the navigation,
narrows the related pages by typing (the boxes that do not match disappear, the
ticks stay), ticks one with the keyboard, sees the whole page previewed with the
attention-point box, and reads what changed between two versions. axe-core
checks each page."""

from playwright.sync_api import expect

from knowledge.editor import selectors, services
from tests import factories
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard, url_path


def _principle(number: int, title: str, attention: str):
    return services.page_publish(
        page=None,
        content={
            "section": "forebyg-sygefravaer",
            "kind": "principle",
            "slug": f"princip-{number}",
            "order": number,
            "title": title,
            "summary": "",
            "body": "",
            "fields": {"smv_attention": attention},
            "related": [],
        },
        user=None,
    )


def test_editor_filters_related_pages_and_previews_the_whole_page(
    page, live_server, browser_problems
):
    early = _principle(5, "Tidlig, støttende kontakt", "Alle kender hinanden.")
    _principle(6, "Én person koordinerer", "Ejeren gør det hele selv.")
    _principle(2, "Tilpassede opgaver og arbejdstid", "Få kolleger at fordele på.")
    editor = factories.facilitator()
    login_and_expect_dashboard(page, live_server, editor.email, factories.PASSWORD)

    # The navigation leads to the editor.
    page.locator("header").get_by_role("link", name=da("Knowledge editor")).click()
    expect(page).to_have_url(url_path(live_server, "/knowledge/editor/"))

    page.goto(live_server.url + "/knowledge/editor/new/?kind=case")
    form = page.locator("#page-form")
    boxes = form.locator("[data-related-option]")
    expect(boxes).to_have_count(3)
    expect(boxes.filter(visible=True)).to_have_count(3)
    wanted = form.get_by_role(
        "checkbox", name=f"{da('Principle')}: Tidlig, støttende kontakt", exact=True
    )
    other = form.get_by_role(
        "checkbox", name=f"{da('Principle')}: Én person koordinerer", exact=True
    )

    # Typing narrows the list: the boxes that do not match are hidden.
    search = form.get_by_role("searchbox", name=da("Find a page in the list"))
    search.press_sequentially("STØTTE")
    expect(boxes.filter(visible=True)).to_have_count(1)
    expect(wanted).to_be_visible()
    expect(other).to_be_hidden()
    # Accents and case do not matter ("en person" finds "Én person").
    search.fill("")
    search.press_sequentially("en person")
    expect(other).to_be_visible()
    expect(wanted).to_be_hidden()

    # A filter with no match says so; Escape clears it and every box is back.
    search.fill("zzz")
    expect(boxes.filter(visible=True)).to_have_count(0)
    expect(form.locator("[data-related-status]")).to_have_text(
        da("No page matches; clear the field to see them all.")
    )
    search.press("Escape")
    expect(boxes.filter(visible=True)).to_have_count(3)

    # By keyboard: filter, Tab to the one box left, Space ticks it; Enter in the
    # filter does not submit the form.
    search.press_sequentially("tidlig")
    search.press("Enter")
    expect(page).to_have_url(url_path(live_server, "/knowledge/editor/new/"))
    search.press("Tab")
    expect(wanted).to_be_focused()
    page.keyboard.press("Space")
    expect(wanted).to_be_checked()
    # The tick stays while the box is filtered away.
    search.fill("koordinerer")
    expect(wanted).to_be_hidden()  # out of the accessibility tree, so by its value:
    expect(form.locator(f'input[name="related"][value="{early.pk}"]')).to_be_checked()
    search.fill("")
    assert_accessible(page)

    # The preview is the whole page: the ticked principle shows as related.
    preview = page.locator("#preview")
    form.get_by_role("textbox", name=da("Title")).first.fill("Lokalavisen")
    expect(preview.locator("h1")).to_have_text("Lokalavisen")
    expect(preview.locator(f'a[href="{early.get_absolute_url()}"]')).to_be_visible()

    # A principle's preview has its attention-point box, following the typing.
    page.goto(live_server.url + f"/knowledge/editor/{early.pk}/")
    expect(preview.get_by_test_id("preview-marker")).to_be_visible()
    expect(preview.locator("aside.callout")).to_contain_text("Alle kender hinanden.")
    attention = form.get_by_role("textbox", name=da("Attention point in the SMV situation"))
    attention.fill("")
    attention.press_sequentially("Ejeren kender alle ved navn.")
    expect(preview.locator("aside.callout")).to_contain_text("Ejeren kender alle ved navn.")
    assert_accessible(page)
    assert browser_problems.errors == []


def test_editor_reads_what_changed_between_versions(page, live_server, browser_problems):
    principle = _principle(5, "Tidlig kontakt", "Alle kender hinanden.")
    services.page_save_draft(
        page=principle,
        content=selectors.content_of(principle)
        | {"title": "Tidlig, støttende kontakt", "fields": {"smv_attention": "Ring i dag."}},
        user=None,
    )
    editor = factories.facilitator()
    login_and_expect_dashboard(page, live_server, editor.email, factories.PASSWORD)

    # The public page has the editor's "Edit" button.
    page.goto(live_server.url + principle.get_absolute_url())
    page.get_by_test_id("edit-page").click()
    expect(page).to_have_url(url_path(live_server, f"/knowledge/editor/{principle.pk}/"))

    page.goto(live_server.url + f"/knowledge/editor/{principle.pk}/revisions/")
    page.locator("main table tbody tr").first.get_by_role("link", name=da("What changed")).click()
    main = page.locator("main")
    expect(main.locator("del").first).to_have_text("Tidlig kontakt")
    expect(main.locator("ins").first).to_have_text("Tidlig, støttende kontakt")
    expect(main.locator("ins", has_text="Ring i dag.")).to_be_visible()
    expect(main.locator(".diff-removed").first).to_contain_text(da("Removed:"))
    assert_accessible(page)
    assert browser_problems.errors == []
