"""The evaluation's results, split into companies and advisors, in the browser: the
table of groups fits a 390 px phone (it scrolls in its own box, the page does not),
both download links are reachable, and the page passes axe."""

from playwright.sync_api import expect

from programme.exercises.evaluation import services
from tests import factories
from tests.e2e.helpers import assert_accessible, login_and_expect_dashboard
from tests.programme.exercises.helpers import answers_of


def test_split_results_fit_a_phone_and_are_accessible(
    page, live_server, facilitator, programme, company, unit
):
    meeting6 = programme.meetings.get(number=6)
    people = [factories.smv_owner(organisation=company) for _ in range(3)]
    people += [factories.advisor(organisation=unit) for _ in range(3)]
    for index, person in enumerate(people):
        services.evaluation_submit(
            meeting=meeting6, respondent=person, answers=answers_of(5 if index < 3 else 2)
        )
    page.set_viewport_size({"width": 390, "height": 844})
    login_and_expect_dashboard(page, live_server, facilitator.email, factories.PASSWORD)
    page.goto(f"{live_server.url}/programme/meetings/{meeting6.pk}/exercise/evaluation/")
    groups = page.get_by_test_id("evaluation-groups")
    expect(groups.get_by_test_id("average-companies-tools")).to_contain_text("5,0")
    expect(groups.get_by_test_id("average-advisors-tools")).to_contain_text("2,0")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide"
    for name in ("results.csv", "results.xlsx"):
        link = page.locator(f'a[href$="/exercise/evaluation/{name}"]')
        link.scroll_into_view_if_needed()
        expect(link).to_be_in_viewport()
    assert_accessible(page)
