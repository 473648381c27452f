"""Meeting day in the browser: Up/Down keep the keyboard focus on the moved item,
and "Start again" at the end of a meeting asks first (a clicker's "next" does not
restart), in a dialog with JavaScript and on a page of its own without."""

import pytest
from playwright.sync_api import Page, expect

from programme.meetings import services as meeting_services
from programme.models import Meeting
from tests import factories
from tests.e2e.helpers import (
    DEFAULT_TIMEOUT_MS,
    assert_accessible,
    da,
    login_and_expect_dashboard,
)


def _login(page: Page, live_server, user) -> None:
    login_and_expect_dashboard(page, live_server, user.email, factories.PASSWORD)


def _ids(meeting: Meeting) -> list[int]:
    return list(meeting.agenda_items.order_by("position", "pk").values_list("pk", flat=True))


def _active_id(page: Page) -> str:
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def _end_the_run(meeting: Meeting) -> None:
    for _ in range(meeting.agenda_items.count() + 1):
        meeting_services.meeting_advance(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.run_ended_at is not None and meeting.current_item_id is None


# --- Up/Down keep the focus -----------------------------------------------------------


def test_up_and_down_keep_the_focus_on_the_moved_item(page, live_server, facilitator, meeting):
    ids = _ids(meeting)
    moving = ids[1]
    _login(page, live_server, facilitator)
    page.goto(f"/programme/meetings/{meeting.pk}/agenda/")
    rows = page.locator("#agenda-table tbody tr[data-item-id]")

    # Down with Enter: the item is now third, and its Down button still has the focus.
    page.locator(f"#move-down-{moving}").focus()
    page.keyboard.press("Enter")
    expect(rows.nth(2)).to_have_attribute("data-item-id", str(moving))
    page.wait_for_function(f"() => document.activeElement.id === 'move-down-{moving}'")
    expect(page.locator("#agenda-status")).to_contain_text("3")

    # Up with Space, twice: at the top its Up button is disabled, so the focus moves
    # to its Down button, not to the page's start.
    page.keyboard.press("Shift+Tab")  # from Down to Up of the same row
    assert _active_id(page) == f"move-up-{moving}"
    page.keyboard.press("Space")
    expect(rows.nth(1)).to_have_attribute("data-item-id", str(moving))
    page.wait_for_function(f"() => document.activeElement.id === 'move-up-{moving}'")
    # A person presses again after the table has settled (htmx wires the new rows then;
    # a press within those milliseconds would be an ordinary form post).
    page.wait_for_function("() => !document.querySelector('.htmx-settling, .htmx-request')")
    page.keyboard.press("Space")
    expect(rows.nth(0)).to_have_attribute("data-item-id", str(moving))
    expect(page.locator(f"#move-up-{moving}")).to_be_disabled()
    page.wait_for_function(f"() => document.activeElement.id === 'move-down-{moving}'")
    assert _ids(meeting)[0] == moving
    assert_accessible(page)


# --- Start again asks first -----------------------------------------------------------


def test_start_again_asks_first_and_a_clicker_cannot_confirm(
    page, live_server, facilitator, meeting
):
    _end_the_run(meeting)
    first = meeting.agenda_items.order_by("position", "pk").first()
    _login(page, live_server, facilitator)
    page.goto(f"/programme/meetings/{meeting.pk}/run/")
    expect(page.locator("#run-panel .run-current")).to_have_text(da("The meeting is over."))

    # The clicker's "next" (Page Down / →) at the end: nothing happens.
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#restart-dialog")).not_to_be_visible()
    page.wait_for_timeout(500)
    meeting.refresh_from_db()
    assert meeting.current_item_id is None and meeting.run_ended_at is not None

    # "Start again" opens the dialog with the focus on Cancel; the clicker still
    # cannot confirm it.
    page.locator("#run-restart").click()
    dialog = page.locator("#restart-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading")).to_have_text(da("Start the meeting again?"))
    assert _active_id(page) == "restart-cancel"
    assert_accessible(page)
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(500)
    expect(dialog).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.current_item_id is None

    # Cancel closes it and gives the focus back to "Start again".
    page.keyboard.press("Enter")
    expect(dialog).not_to_be_visible()
    assert _active_id(page) == "run-restart"

    # Confirmed: back at the first item.
    page.locator("#run-restart").click()
    dialog.locator("#restart-confirm").click()
    expect(page.locator("#run-panel .run-current")).to_have_text(first.title)
    meeting.refresh_from_db()
    assert meeting.current_item_id == first.pk and meeting.run_ended_at is None


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(
        locale="da-DK", base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_without_javascript_start_again_is_a_confirmation_page(
    page_without_js, live_server, facilitator, meeting
):
    page = page_without_js
    _end_the_run(meeting)
    first = meeting.agenda_items.order_by("position", "pk").first()
    _login(page, live_server, facilitator)
    page.goto(f"/programme/meetings/{meeting.pk}/run/")
    page.locator("#run-restart").click()
    expect(page).to_have_url(f"{live_server.url}/programme/meetings/{meeting.pk}/run/restart/")
    meeting.refresh_from_db()
    assert meeting.current_item_id is None  # asking changed nothing
    page.locator("#restart-confirm").click()
    expect(page.locator("#run-panel .run-current")).to_have_text(first.title)
    meeting.refresh_from_db()
    assert meeting.current_item_id == first.pk


def test_the_confirmation_page_is_accessible(page, live_server, facilitator, meeting):
    _end_the_run(meeting)
    _login(page, live_server, facilitator)
    page.goto(f"/programme/meetings/{meeting.pk}/run/restart/")
    expect(page.locator("#restart-confirm")).to_be_visible()
    assert_accessible(page)
