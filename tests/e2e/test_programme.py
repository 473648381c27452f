"""Programmes in the browser: building an agenda, running a meeting live, axe scans.

The programme comes from the course template (`programme_create_from_template`):
development meeting 2 runs 09:00–12:30 with six items that fill it exactly
(15 + 30 + 60 + 15 + 60 + 30 minutes), so any extra minute runs past the end.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from programme.meetings import services as meeting_services
from programme.models import AgendaItem, Meeting
from tests import factories
from tests.e2e.helpers import (
    DEFAULT_TIMEOUT_MS,
    BrowserProblems,
    assert_accessible,
    da,
    login_and_expect_dashboard,
    url_path,
)

# The live page polls every 5 s: allow two polls plus a slow machine.
LIVE_POLL_TIMEOUT_MS = 12_000

# Meeting 2's template agenda: its times on Monday 2027-07-12, 09:00–12:30.
TEMPLATE_TIMES = [
    "09:00–09:15",
    "09:15–09:45",
    "09:45–10:45",
    "10:45–11:00",
    "11:00–12:00",
    "12:00–12:30",
]
CLOCK = re.compile(r"\b\d{2}:\d{2}\b")


# --- Fixtures -----------------------------------------------------------------------
# facilitator, programme, meeting (development meeting 2), company and owner are the
# shared ones (tests/fixtures/); live_server makes their database transactional.


@pytest.fixture
def participant_page(browser, live_server) -> Page:
    """A second, independent browser (own cookies) for a participant."""
    context = browser.new_context(locale="da-DK", base_url=live_server.url)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    problems = BrowserProblems()
    page = context.new_page()
    problems.watch(page)
    yield page
    context.close()
    assert not problems.errors, "\n".join(problems.errors)


# --- Helpers --------------------------------------------------------------------


def _titles(meeting: Meeting) -> list[str]:
    return list(meeting.agenda_items.order_by("position", "pk").values_list("title", flat=True))


def _agenda_rows(page: Page):
    return page.locator("#agenda-table tbody tr[data-item-id]")


def _expect_agenda(page: Page, titles: list[str], times: list[str]) -> None:
    rows = _agenda_rows(page)
    expect(rows.locator("td:nth-child(3) > .fw-semibold")).to_have_text(titles)
    expect(rows.locator("td:nth-child(2)")).to_have_text(times)


def _row(page: Page, item_pk: int):
    return page.locator(f'#agenda-table tr[data-item-id="{item_pk}"]')


def _go(page: Page, live_server, path: str) -> None:
    response = page.goto(live_server.url + path)
    assert response is not None and response.ok, path


def _agenda_path(meeting: Meeting) -> str:
    return f"/programme/meetings/{meeting.pk}/agenda/"


def _run_path(meeting: Meeting) -> str:
    return f"/programme/meetings/{meeting.pk}/run/"


def _live_path(meeting: Meeting) -> str:
    return f"/programme/meetings/{meeting.pk}/live/"


def _login(page: Page, live_server, user) -> None:
    login_and_expect_dashboard(page, live_server, user.email, factories.PASSWORD)


# --- 1. Building an agenda --------------------------------------------------------


def test_facilitator_builds_agenda(page, live_server, facilitator, meeting):
    template_titles = _titles(meeting)
    assert len(template_titles) == 6
    past_end = da("Runs past the end of the meeting.")

    _login(page, live_server, facilitator)
    _go(page, live_server, _agenda_path(meeting))
    _expect_agenda(page, template_titles, TEMPLATE_TIMES)
    expect(page.locator("#agenda-table [role=note]")).to_have_count(0)

    # Add an item: it goes last, after 12:30, and is flagged.
    page.locator("main").get_by_role("link", name=da("Add item"), exact=True).click()
    expect(page).to_have_url(url_path(live_server, _agenda_path(meeting) + "new/"))
    form = page.locator("main form")
    form.locator("#id_title").fill("Statusrunde")
    form.locator("#id_kind").select_option("workshop")
    form.locator("#id_duration_minutes").fill("10")
    form.get_by_role("button", name=da("Save"), exact=True).click()

    expect(page).to_have_url(url_path(live_server, _agenda_path(meeting)))
    new = AgendaItem.objects.get(meeting=meeting, title="Statusrunde")
    assert new.kind == "workshop" and new.duration_minutes == 10
    _expect_agenda(page, [*template_titles, "Statusrunde"], [*TEMPLATE_TIMES, "12:30–12:40"])
    new_row = _row(page, new.pk)
    expect(new_row).to_contain_text(past_end)
    expect(page.locator("#agenda-table [role=note]")).to_have_count(1)

    # Keyboard: focus the "Up" button of the new item and press Enter.
    up = new_row.locator('button[value="up"]')
    expect(up).to_have_accessible_name(re.compile(r"Statusrunde$"))
    up.focus()
    expect(up).to_be_focused()
    page.keyboard.press("Enter")
    moved_up = [*template_titles[:5], "Statusrunde", template_titles[5]]
    _expect_agenda(page, moved_up, [*TEMPLATE_TIMES[:5], "12:00–12:10", "12:10–12:40"])
    # Now the last template item is the one that runs past the end.
    expect(_row(page, new.pk)).not_to_contain_text(past_end)
    last_pk = meeting.agenda_items.get(title=template_titles[5]).pk
    expect(_row(page, last_pk)).to_contain_text(past_end)
    assert _titles(meeting) == moved_up

    # Space on the "Up" button of the same item (a new element after the swap).
    up = _row(page, new.pk).locator('button[value="up"]')
    up.focus()
    page.keyboard.press("Space")
    moved_up_twice = [*template_titles[:4], "Statusrunde", *template_titles[4:]]
    _expect_agenda(
        page,
        moved_up_twice,
        [*TEMPLATE_TIMES[:4], "11:00–11:10", "11:10–12:10", "12:10–12:40"],
    )
    assert _titles(meeting) == moved_up_twice

    # Drag and drop: the new item onto the top half of the first row.
    first_row = _agenda_rows(page).first
    _row(page, new.pk).drag_to(
        first_row,
        source_position={"x": 8, "y": 8},
        target_position={"x": 8, "y": 2},
        steps=5,
    )
    dragged = ["Statusrunde", *template_titles]
    # The times are computed by the server: they prove the new order was saved.
    _expect_agenda(page, dragged, ["09:00–09:10"] + [_shift(t, 10) for t in TEMPLATE_TIMES])
    assert _titles(meeting) == dragged
    page.reload()
    _expect_agenda(page, dragged, ["09:00–09:10"] + [_shift(t, 10) for t in TEMPLATE_TIMES])
    assert list(
        meeting.agenda_items.order_by("position", "pk").values_list("position", flat=True)
    ) == list(range(7))


def _shift(times: str, minutes: int) -> str:
    """'09:00–09:15' shifted by `minutes` (same day)."""

    def shift(clock: str) -> str:
        hours, mins = map(int, clock.split(":"))
        total = hours * 60 + mins + minutes
        return f"{total // 60:02d}:{total % 60:02d}"

    start, end = times.split("–")
    return f"{shift(start)}–{shift(end)}"


def test_item_that_overruns_is_flagged(page, live_server, facilitator, meeting):
    titles = _titles(meeting)
    last = meeting.agenda_items.get(title=titles[-1])
    past_end = da("Runs past the end of the meeting.")

    _login(page, live_server, facilitator)
    _go(page, live_server, _agenda_path(meeting))
    expect(page.locator("#agenda-table [role=note]")).to_have_count(0)

    _row(page, last.pk).locator(f'a[href="/programme/agenda-items/{last.pk}/edit/"]').click()
    expect(page).to_have_url(url_path(live_server, f"/programme/agenda-items/{last.pk}/edit/"))
    duration = page.locator("main form #id_duration_minutes")
    expect(duration).to_have_value("30")
    duration.fill("300")
    page.locator("main form").get_by_role("button", name=da("Save"), exact=True).click()

    expect(page).to_have_url(url_path(live_server, _agenda_path(meeting)))
    _expect_agenda(page, titles, [*TEMPLATE_TIMES[:5], "12:00–17:00"])
    row = _row(page, last.pk)
    expect(row).to_contain_text(past_end)
    expect(row).to_have_class(re.compile(r"\btable-warning\b"))
    expect(page.locator("#agenda-table [role=note]")).to_have_count(1)
    last.refresh_from_db()
    assert last.duration_minutes == 300


# --- 2. Running a meeting ------------------------------------------------------------


def test_facilitator_runs_meeting_and_participant_follows(
    page, participant_page, live_server, facilitator, owner, meeting
):
    titles = _titles(meeting)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    current = page.locator("#run-panel .run-current")
    clock = page.locator("#run-panel .run-clock")
    upcoming = page.locator("#run-panel .run-panel strong")
    participant_current = participant_page.locator("#live-current .run-current")
    notes = page.locator("#id_notes")

    _login(page, live_server, facilitator)
    _go(page, live_server, _run_path(meeting))
    expect(current).to_have_text(da("The meeting has not started."))
    expect(upcoming).to_have_text(titles[0])
    expect(page.locator("#run-next")).to_contain_text(da("Start the meeting"))

    page.locator("#run-next").click()
    expect(current).to_have_text(titles[0])
    expect(clock).to_contain_text(CLOCK)
    expect(clock).to_contain_text(re.compile(r"\b1[45]:\d{2}\b"))  # 15 minutes planned
    expect(upcoming).to_have_text(titles[1])
    expect(page.locator("#run-next")).to_contain_text(da("Next item"))
    # The panel polls every second: the countdown runs by itself.
    first_reading = CLOCK.search(clock.text_content() or "")
    assert first_reading is not None
    expect(clock).not_to_contain_text(first_reading.group(), timeout=5_000)

    # The participant, in a browser of their own, follows along.
    _login(participant_page, live_server, owner)
    _go(participant_page, live_server, _live_path(meeting))
    expect(participant_current).to_have_text(titles[0])

    # → on the page (not in a field) goes to the next item.
    expect(notes).not_to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(current).to_have_text(titles[1])
    expect(upcoming).to_have_text(titles[2])
    expect(page.locator("#run-agenda-title + ol [aria-current=step]")).to_contain_text(titles[1])
    expect(participant_current).to_have_text(titles[1], timeout=LIVE_POLL_TIMEOUT_MS)

    # Typing notes: the arrow and Page Down keys stay in the text box.
    notes.click()
    page.keyboard.type("Aftalt: ")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageDown")
    page.keyboard.type("følg op i næste uge")
    expect(notes).to_have_value("Aftalt: følg op i næste uge")
    expect(current).to_have_text(titles[1])
    page.locator("main form").get_by_role("button", name=da("Save notes"), exact=True).click()
    expect(page.locator("#notes-status")).to_have_text(da("Saved"))
    expect(page).to_have_url(url_path(live_server, _run_path(meeting)))
    expect(current).to_have_text(titles[1])
    items[1].refresh_from_db()
    assert items[1].notes == "Aftalt: følg op i næste uge"
    meeting.refresh_from_db()
    assert meeting.current_item_id == items[1].pk

    # Advance again from outside the text box; the participant's screen follows.
    page.locator("main h1").click()
    expect(notes).not_to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(current).to_have_text(titles[2])
    expect(notes).to_have_value("")
    expect(participant_current).to_have_text(titles[2], timeout=LIVE_POLL_TIMEOUT_MS)
    expect(participant_page.locator("#live-current strong")).to_have_text(titles[3])

    # ← goes back; the saved notes are there.
    page.keyboard.press("ArrowLeft")
    expect(current).to_have_text(titles[1])
    expect(notes).to_have_value("Aftalt: følg op i næste uge")
    meeting.refresh_from_db()
    assert meeting.current_item_id == items[1].pk


# --- 3. Accessibility (axe-core) -------------------------------------------------------


def test_agenda_builder_is_accessible(page, live_server, facilitator, meeting):
    _login(page, live_server, facilitator)
    _go(page, live_server, _agenda_path(meeting))
    expect(_agenda_rows(page)).to_have_count(6)
    assert_accessible(page)

    page.locator("main").get_by_role("link", name=da("Add item"), exact=True).click()
    expect(page.locator("main form #id_title")).to_be_visible()
    assert_accessible(page)


def test_agenda_builder_with_overrun_is_accessible(page, live_server, facilitator, meeting):
    # An item that runs past the end: its row is highlighted and carries a note.
    meeting.agenda_items.filter(title=_titles(meeting)[-1]).update(duration_minutes=300)
    _login(page, live_server, facilitator)
    _go(page, live_server, _agenda_path(meeting))
    expect(page.locator("#agenda-table tr.table-warning [role=note]")).to_have_count(1)
    assert_accessible(page)


def test_run_page_is_accessible(page, live_server, facilitator, meeting):
    _login(page, live_server, facilitator)
    _go(page, live_server, _run_path(meeting))
    expect(page.locator("#run-panel .run-current")).to_have_text(da("The meeting has not started."))
    assert_accessible(page)

    page.locator("#run-next").click()
    expect(page.locator("#run-panel .run-clock")).to_contain_text(CLOCK)
    expect(page.locator("#id_notes")).to_be_visible()
    assert_accessible(page)


def test_live_page_is_accessible(page, live_server, owner, meeting):
    meeting_services.meeting_advance(meeting=meeting)
    _login(page, live_server, owner)
    _go(page, live_server, _live_path(meeting))
    expect(page.locator("#live-current .run-current")).to_have_text(_titles(meeting)[0])
    assert_accessible(page)


def test_programme_detail_is_accessible_for_facilitator(
    page, live_server, facilitator, programme, company
):
    _login(page, live_server, facilitator)
    _go(page, live_server, f"/programme/{programme.pk}/")
    expect(page.locator("main h1")).to_have_text(programme.name)
    expect(page.locator("main table")).to_contain_text(company.name)
    assert_accessible(page)


def test_meeting_page_is_accessible_for_participant(page, live_server, owner, meeting):
    meeting.preparation_task = "Beskriv et dilemma fra jeres virksomhed."
    meeting.save(update_fields=["preparation_task"])
    _login(page, live_server, owner)
    _go(page, live_server, f"/programme/meetings/{meeting.pk}/")
    expect(page.locator("main h1")).to_contain_text(meeting.title)
    expect(page.locator("main form textarea")).to_be_visible()
    assert_accessible(page)
