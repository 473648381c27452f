"""The SMV-brobygger knowledge site in a real browser.

A reader searches, reads a case and follows its cross-links; axe-core checks
every kind of public page; the role self-assessment works by keyboard alone;
an editor writes a page with the live Markdown preview, saves a draft that
stays hidden, and publishes it.

Strings the Danish catalogue does not translate yet go through `da()`, so the
tests follow the catalogue instead of hard-coding either language.
"""

import re

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from knowledge.editor import services
from knowledge.models import Page
from tests import factories
from tests.e2e.helpers import assert_accessible, da, login_and_expect_dashboard, url_path

LANDING_PATH = "/knowledge/"
SEARCH_PATH = "/knowledge/search/"
SELF_ASSESSMENT_PATH = "/knowledge/hvilken-raadgiverrolle/"
SECTION_SLUGS = [
    "hvad-er-det",
    "brobyggermetoden",
    "raadgiverrollen",
    "forebyg-sygefravaer",
    "brobyggerfaser",
    "cases",
]
# From knowledge/initial_content.py: the case that mentions "Stresstrappen",
# and the first principle it illustrates.
CASE_SLUG = "lokalavisen-kompasset"
CASE_PATH = f"/knowledge/cases/{CASE_SLUG}/"
PRINCIPLE_SLUG = "arbejdspladsens-engagement"
PRINCIPLE_PATH = f"/knowledge/forebyg-sygefravaer/{PRINCIPLE_SLUG}/"
# The genitive of "stresstrappe"; the text only has "Stresstrappen" (definite).
INFLECTED_QUERY = "stresstrappens"

# Self-assessment answers (1–5) per statement, two statements per role in role
# order: the trusted advisor (role 4) comes out strongest.
ANSWERS = [1, 2, 2, 3, 3, 4, 5, 5]
EXPECTED_AVERAGES = ["1.50", "2.50", "3.50", "5.00"]
STRONGEST_ROLE_SLUG = "betroet-raadgiver"


@pytest.fixture
def initial_content(live_server):
    """The real initial pages, published (live_server tests run transactional)."""
    created = services.load_initial_content()
    assert created > 0
    return created


def _search_form(page: BrowserPage):
    return page.locator("main").get_by_role("search")


def _searchbox(page: BrowserPage):
    return _search_form(page).get_by_role("searchbox", name=da("Search the knowledge pages"))


# --- 1. Search, case, principle -------------------------------------------------


def test_reader_searches_opens_a_case_and_follows_it_to_a_principle(
    page, live_server, initial_content
):
    case = Page.objects.get(slug=CASE_SLUG)
    principle = Page.objects.get(slug=PRINCIPLE_SLUG)
    # The premise: the exact word typed is not in the text, only another form of it.
    assert INFLECTED_QUERY not in case.body_text.lower()
    assert "stresstrappen" in case.body_text.lower()

    page.goto(live_server.url + "/")
    searchbox = _searchbox(page)
    expect(searchbox).to_be_visible()
    searchbox.fill(INFLECTED_QUERY)
    _search_form(page).get_by_role("button", name=da("Search"), exact=True).click()

    expect(page).to_have_url(url_path(live_server, SEARCH_PATH))
    main = page.locator("main")
    expect(main.get_by_role("status")).to_contain_text(INFLECTED_QUERY)
    results = main.locator("ol.search-results > li")
    expect(results).not_to_have_count(0)
    case_result = results.filter(has=page.get_by_role("link", name=case.title, exact=True))
    expect(case_result).to_have_count(1)
    # The matching word form is highlighted in the snippet.
    highlight = case_result.locator(".search-snippet mark").first
    expect(highlight).to_be_visible()
    expect(highlight).to_have_text(re.compile(r"^stresstrappen$", re.IGNORECASE))
    # The query is kept in the search box of the results page.
    expect(_searchbox(page)).to_have_value(INFLECTED_QUERY)

    case_result.get_by_role("link", name=case.title, exact=True).click()

    expect(page).to_have_url(url_path(live_server, CASE_PATH))
    expect(main.locator("h1")).to_have_text(case.title)
    change_logic = main.locator("section[aria-labelledby='change-logic-title']")
    expect(change_logic.locator("#change-logic-title")).to_have_text(da("Change logic"))
    expect(change_logic.locator("h3")).to_have_text(
        [da("Challenge"), da("Initiative"), da("Knowledge and tools")]
    )
    expect(change_logic).to_contain_text("Stress blev først opdaget")

    related = main.locator("section[aria-labelledby='related-title']")
    expect(related.locator("#related-title")).to_have_text(da("This case illustrates"))
    principle_link = related.get_by_role("link", name=principle.title, exact=True)
    expect(principle_link).to_have_attribute("href", PRINCIPLE_PATH)
    principle_link.click()

    expect(page).to_have_url(url_path(live_server, PRINCIPLE_PATH))
    expect(main.locator("h1")).to_have_text(principle.title)
    cases_using = main.locator("section[aria-labelledby='cases-using-title']")
    expect(cases_using.locator("#cases-using-title")).to_have_text(
        da("Cases that show this in practice")
    )
    back_to_case = cases_using.get_by_role("link", name=case.title, exact=True)
    expect(back_to_case).to_have_attribute("href", CASE_PATH)


# --- 2. axe-core on every kind of public knowledge page --------------------------


@pytest.mark.parametrize(
    "path",
    [
        LANDING_PATH,
        *[f"/knowledge/{slug}/" for slug in SECTION_SLUGS],
        CASE_PATH,
        PRINCIPLE_PATH,
        SELF_ASSESSMENT_PATH,
    ],
    ids=[
        "landing",
        *SECTION_SLUGS,
        "case",
        "principle",
        "self-assessment",
    ],
)
def test_knowledge_page_is_accessible(page, live_server, initial_content, path):
    response = page.goto(live_server.url + path)
    assert response is not None and response.status == 200, path
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page)


def test_search_results_with_highlights_are_accessible(page, live_server, initial_content):
    page.goto(live_server.url + f"{SEARCH_PATH}?q={INFLECTED_QUERY}")
    expect(page.locator("main .search-results mark").first).to_be_visible()
    assert_accessible(page)


def _answer_by_clicking(page: BrowserPage, answers: list[int]) -> None:
    groups = page.locator("main form.self-assessment fieldset")
    expect(groups).to_have_count(len(ANSWERS))
    for index, value in enumerate(answers):
        groups.nth(index).get_by_role("radio").nth(value - 1).check()


def test_self_assessment_result_is_accessible(page, live_server, initial_content):
    page.goto(live_server.url + SELF_ASSESSMENT_PATH)
    _answer_by_clicking(page, ANSWERS)
    page.get_by_role("button", name=da("Show my profile"), exact=True).click()
    expect(page.locator("main meter")).to_have_count(4)
    assert_accessible(page)


def test_self_assessment_with_errors_is_accessible(page, live_server, initial_content):
    page.goto(live_server.url + SELF_ASSESSMENT_PATH)
    _answer_by_clicking(page, ANSWERS[:3])  # the rest left unanswered
    page.get_by_role("button", name=da("Show my profile"), exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(da("Please answer every statement."))
    expect(page.locator("main meter")).to_have_count(0)
    assert_accessible(page)


# --- 3. The self-assessment by keyboard alone -----------------------------------


def test_self_assessment_by_keyboard_only(page, live_server, initial_content):
    page.goto(live_server.url + SELF_ASSESSMENT_PATH)
    keyboard = page.keyboard
    # Skip link first, then into <main>; the first stop there is statement 1.
    keyboard.press("Tab")
    expect(page.locator("a.skip-link")).to_be_focused()
    keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    groups = page.locator("main form.self-assessment fieldset")
    expect(groups).to_have_count(len(ANSWERS))
    for index, value in enumerate(ANSWERS):
        radios = groups.nth(index).get_by_role("radio")
        # One Tab per group: an unanswered radio group is entered at its first radio.
        keyboard.press("Tab")
        expect(radios.first).to_be_focused()
        expect(radios.first).not_to_be_checked()
        keyboard.press("Space")  # chooses 1
        expect(radios.first).to_be_checked()
        for _step in range(value - 1):
            keyboard.press("ArrowRight")  # moves to and chooses the next number
        expect(radios.nth(value - 1)).to_be_focused()
        expect(radios.nth(value - 1)).to_be_checked()

    # Anonymous readers have no "save my answers" box: the button is next.
    keyboard.press("Tab")
    submit = page.get_by_role("button", name=da("Show my profile"), exact=True)
    expect(submit).to_be_focused()
    keyboard.press("Enter")

    # The form posts to its own address (the skip link's "#main" may stay on it).
    expect(page).to_have_url(
        re.compile("^" + re.escape(live_server.url + SELF_ASSESSMENT_PATH) + "(#main)?$")
    )
    result = page.locator("main section[aria-labelledby='result-title']")
    expect(result.locator("#result-title")).to_have_text(da("Your profile"))
    meters = result.locator("meter")
    expect(meters).to_have_count(4)
    roles = list(Page.objects.filter(kind="advisor_role").order_by("order"))
    for meter, role, average in zip(meters.all(), roles, EXPECTED_AVERAGES, strict=True):
        expect(meter).to_have_attribute("value", average)
        expect(meter).to_have_accessible_name(role.title)
    strongest = Page.objects.get(slug=STRONGEST_ROLE_SLUG)
    expect(result.locator("p.lead").get_by_role("link")).to_have_text([strongest.title])
    # The answers are kept in the form below the profile.
    for index, value in enumerate(ANSWERS):
        expect(groups.nth(index).get_by_role("radio").nth(value - 1)).to_be_checked()


# --- 4. The editor: live preview, draft, publish ---------------------------------


def _editor_field(page: BrowserPage, label: str, role: str = "textbox"):
    """A form field by its label's accessible name (crispy marks required fields "*").

    By role rather than get_by_label(): a regular expression there is matched
    against the label's raw text, including crispy's line breaks and indentation.
    """
    name = re.compile("^" + re.escape(da(label)) + r"\*?$")
    return page.locator("#page-form").get_by_role(role, name=name)


def test_editor_previews_saves_a_draft_and_publishes(page, browser, live_server, browser_problems):
    editor = factories.facilitator()
    login_and_expect_dashboard(page, live_server, editor.email, factories.PASSWORD)

    page.goto(live_server.url + "/knowledge/editor/new/?kind=article")
    title = "Pauser der virker"
    slug = "pauser-der-virker"
    _editor_field(page, "Title").fill(title)
    _editor_field(page, "Summary").fill("Korte pauser i en travl hverdag.")
    _editor_field(page, "Section", "combobox").select_option("hvad-er-det")
    _editor_field(page, "Address (slug)").fill(slug)

    preview = page.locator("#preview")
    # htmx renders the preview of the whole page on load; then it follows the typing.
    expect(preview.get_by_test_id("preview-marker")).to_be_visible()
    expect(preview.locator("h1")).to_have_text(title)
    body = _editor_field(page, "Text (Markdown)")
    body.click()
    # Typed key by key: the preview listens for input in the form.
    body.press_sequentially("Tag en **kort pause** hver time.\n\n- gå en tur")
    expect(preview.locator("strong")).to_have_text("kort pause")
    expect(preview.locator("li")).to_have_text("gå en tur")

    page.get_by_role("button", name=da("Save draft"), exact=True).click()

    created = Page.objects.get(slug=slug)
    expect(page).to_have_url(url_path(live_server, f"/knowledge/editor/{created.pk}/"))
    expect(page.locator("main .messages")).to_contain_text(da("The draft was saved."))
    public_path = "/knowledge/hvad-er-det/pauser-der-virker/"
    assert created.get_absolute_url() == public_path
    assert not created.is_published

    anonymous_context = browser.new_context(locale="da-DK", base_url=live_server.url)
    try:
        anonymous = anonymous_context.new_page()
        browser_problems.watch(anonymous)
        response = anonymous.goto(live_server.url + public_path)
        assert response is not None and response.status == 404

        # The editor opens the form again (the newest revision) and publishes.
        page.get_by_role("button", name=da("Publish"), exact=True).click()
        expect(page.locator("main .messages")).to_contain_text(title)
        expect(page.locator("main").get_by_role("link", name=da("Unpublish"))).to_be_visible()

        response = anonymous.goto(live_server.url + public_path)
        assert response is not None and response.status == 200
        expect(anonymous.locator("main h1")).to_have_text(title)
        expect(anonymous.locator("main .knowledge-body strong")).to_have_text("kort pause")
        expect(anonymous.locator("main .alert-warning")).to_have_count(0)  # no draft banner
    finally:
        anonymous_context.close()
