"""Every main page of every role fits a 390 px phone: the page never scrolls sideways.

The demo (`manage.py demo_data`) is loaded, because it has something on every
page: a programme with held and coming meetings, agendas, exercises, cases with
tasks, logbooks with entries, versions and an access log, knowledge pages with
revisions, advice requests in every state. On top of it: the next meeting is
running (live view) on an item with a long Danish word, a draft match run (its
pairs carry the override forms), and a pending invitation with a long address.

Each role logs in through the login page and opens its pages at 390×844; a page
is too wide when `document.documentElement.scrollWidth` exceeds 390. All
offending pages of all roles are reported at once, with their widths. A page that
does not answer 200 fails too: the list must stay a list of real pages.

Pages checked at 390 px per role (printed as a summary with `-s`):
facilitator 45, SMV owner 27, advisor 17, advice provider's advisor 12,
workplace leader 12, workplace representative 8, anonymous 20 — 141 in all.
(There is no researcher role: facilitators read logbooks for research.)
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from advice.models import AdviceRequest, Course, Provider, Theme
from advice.requests.rules import providers_of_member, visible_requests
from bifrost.accounts.invitations.services import invitation_create
from bifrost.accounts.models import Organisation, Role, User
from knowledge.models import CaseApproval
from knowledge.models import Page as KnowledgePage
from logbook.models import ChangeLogic, Logbook
from matching.cases.rules import cases_advised
from matching.models import CaseGoal, MatchRun
from matching.runs.services import match_run_create
from programme.agenda.services import agenda_item_save
from programme.demo import DEMO_NAME
from programme.meetings.services import meeting_go_to
from programme.models import Meeting, Programme
from tests.e2e.helpers import assert_accessible, login_and_expect_dashboard

PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "bifrost-demo"  # bifrost/accounts/demo.py

FACILITATOR = "facilitator@bifrost.example"
SMV_OWNER = "smv1@bifrost.example"
ADVISOR = "advisor1@bifrost.example"
PROVIDER_ADVISOR = "fyrtaarn1@bifrost.example"
# The pair whose demo request was accepted: it has the most to show.
LEADER = "leder6@bifrost.example"
REPRESENTATIVE = "tr6@bifrost.example"

# One word a Danish heading can really contain, longer than a phone is wide.
LONG_WORD = "Sygefraværsopfølgningssamtaleforberedelsesskemaet"


def _first(queryset):
    found = queryset.first()
    assert found is not None, f"the demo has no {queryset.model.__name__} for this page"
    return found


def _programme() -> Programme:
    return Programme.objects.get(name=DEMO_NAME)


def _meeting(number: int) -> Meeting:
    return _programme().meetings.get(number=number)


def _next_meeting() -> Meeting:
    return _programme().meetings.get(number=4)  # programme/demo_calendar.py


def _company_of(email: str) -> Organisation:
    return User.objects.get(email=email).memberships.get().organisation


def _requests_of(email: str):
    user = User.objects.get(email=email)
    return visible_requests(user, AdviceRequest.objects.order_by("pk"))


def _knowledge_pages() -> list[tuple[str, str]]:
    published = KnowledgePage.objects.published()
    pages = [("knowledge landing", reverse("knowledge:landing"))]
    sections = sorted(set(published.values_list("section", flat=True)))
    for section in sections:
        pages.append((f"knowledge section {section}", reverse("knowledge:section", args=[section])))
        page = published.filter(section=section).exclude(slug="").order_by("pk").first()
        if page is not None and page.get_absolute_url() != pages[-1][1]:
            pages.append((f"knowledge page in {section}", page.get_absolute_url()))
    pages.append(("knowledge search", reverse("knowledge:search") + "?q=sygefrav%C3%A6r"))
    pages.append(("knowledge: which advisor role", reverse("knowledge:self_assessment")))
    return pages


def _account_pages() -> list[tuple[str, str]]:
    return [
        ("notifications", reverse("core:notifications")),
        ("account (e-mail)", reverse("account_email")),
        ("account (password)", reverse("account_change_password")),
        ("account (personal data)", reverse("accounts:personal_data")),
    ]


def _advice_catalogue_pages() -> list[tuple[str, str]]:
    theme = _first(Theme.objects.order_by("pk"))
    provider = _first(Provider.objects.order_by("pk"))
    return [
        ("advice catalogue", reverse("advice:catalogue")),
        ("advice theme", reverse("advice:theme", args=[theme.slug])),
        ("advice providers", reverse("advice:providers")),
        ("advice provider", reverse("advice:provider", args=[provider.slug])),
    ]


def facilitator_pages() -> list[tuple[str, str]]:
    programme = _programme()
    meeting = _next_meeting()
    held = _meeting(3)
    company = _company_of(SMV_OWNER)
    logbook = Logbook.objects.get(company=company)
    case = _first(programme.cases.order_by("pk"))
    run = _first(MatchRun.objects.filter(programme=programme, status=MatchRun.Status.DRAFT))
    revised = _first(KnowledgePage.objects.filter(revisions__isnull=False).order_by("pk"))
    approval = _first(CaseApproval.objects.order_by("pk"))
    return [
        ("dashboard", reverse("dashboard")),
        ("programme list", reverse("programme:landing")),
        ("programme page", reverse("programme:programme_detail", args=[programme.pk])),
        ("enrolments", reverse("programme:enrolments", args=[programme.pk])),
        ("meeting page", reverse("programme:meeting", args=[meeting.pk])),
        ("meeting agenda builder", reverse("programme:agenda", args=[meeting.pk])),
        ("agenda item form", reverse("programme:agenda_item_create", args=[meeting.pk])),
        ("running the meeting", reverse("programme:run", args=[meeting.pk])),
        ("live view", reverse("programme:live", args=[meeting.pk])),
        ("attendance", reverse("programme:attendance", args=[held.pk])),
        ("minutes", reverse("programme:minutes", args=[held.pk])),
        ("prejudice game", reverse("programme:exercise_assumptions", args=[_meeting(1).pk])),
        ("dilemmas", reverse("programme:exercise_dilemmas", args=[_meeting(2).pk])),
        ("recommendations", reverse("programme:exercise_recommendations", args=[_meeting(5).pk])),
        ("evaluation", reverse("programme:exercise_evaluation", args=[_meeting(6).pk])),
        ("knowledge drafts", reverse("programme:knowledge_drafts", args=[_meeting(6).pk])),
        ("calendar", reverse("programme:calendar")),
        ("reminders", reverse("programme:reminder_settings")),
        ("matching", reverse("matching:landing")),
        ("matching a programme", reverse("matching:programme", args=[programme.pk])),
        ("match run", reverse("matching:run", args=[run.pk])),
        ("a programme's cases", reverse("matching:programme_cases", args=[programme.pk])),
        ("case page", reverse("matching:case_detail", args=[case.pk])),
        ("logbooks", reverse("logbook:landing")),
        ("logbook", reverse("logbook:detail", args=[logbook.pk])),
        ("change logics", reverse("logbook:change_logics", args=[logbook.pk])),
        ("readiness (insights)", reverse("logbook:readiness", args=[logbook.pk])),
        ("organisations", reverse("organisation_list")),
        ("organisation page", reverse("organisation_detail", args=[company.pk])),
        ("invite a person", reverse("invitation_create", args=[company.pk])),
        *_knowledge_pages()[:2],
        ("knowledge editor", reverse("knowledge:editor_list")),
        ("knowledge editor: a page", reverse("knowledge:editor_edit", args=[revised.pk])),
        ("page revisions", reverse("knowledge:editor_revisions", args=[revised.pk])),
        ("case approvals", reverse("knowledge:case_approvals")),
        ("case approval", reverse("knowledge:case_approval", args=[approval.pk])),
        ("advice catalogue", reverse("advice:catalogue")),
        ("advice overview", reverse("advice:overview")),
        ("advice counts", reverse("advice:overview_counts")),
        ("advice editor", reverse("advice:editor")),
        *_account_pages(),
    ]


def smv_owner_pages() -> list[tuple[str, str]]:
    company = _company_of(SMV_OWNER)
    logbook = Logbook.objects.get(company=company)
    case = _first(company.cases.order_by("pk"))
    entry = _first(logbook.entries.filter(deleted_at__isnull=True).order_by("pk"))
    change_logic = _first(ChangeLogic.objects.filter(entry__logbook=logbook).order_by("pk"))
    meeting = _next_meeting()
    return [
        ("dashboard", reverse("dashboard")),
        ("programme", reverse("programme:landing")),
        ("meeting page", reverse("programme:meeting", args=[meeting.pk])),
        ("live view", reverse("programme:live", args=[meeting.pk])),
        ("our advisor", reverse("matching:landing")),
        ("case page", reverse("matching:case_detail", args=[case.pk])),
        ("case goal", reverse("matching:case_goal_detail", args=[case.pk, case.goals.first().pk])),
        ("logbooks", reverse("logbook:landing")),
        ("logbook", reverse("logbook:detail", args=[logbook.pk])),
        ("entry form", reverse("logbook:entry_create", args=[logbook.pk])),
        ("entry", reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])),
        ("entry history", reverse("logbook:entry_history", args=[logbook.pk, entry.pk])),
        ("deleted entries", reverse("logbook:entries_deleted", args=[logbook.pk])),
        ("access log", reverse("logbook:access_log", args=[logbook.pk])),
        ("change logics", reverse("logbook:change_logics", args=[logbook.pk])),
        (
            "change logic",
            reverse("logbook:change_logic", args=[logbook.pk, change_logic.entry_id]),
        ),
        ("readiness (insights)", reverse("logbook:readiness", args=[logbook.pk])),
        ("critical situations", reverse("logbook:critical_situations", args=[logbook.pk])),
        ("logbook settings", reverse("logbook:consent", args=[logbook.pk])),
        ("logbook export", reverse("logbook:export", args=[logbook.pk])),
        ("knowledge landing", reverse("knowledge:landing")),
        ("advice catalogue", reverse("advice:catalogue")),
        *_account_pages(),
    ]


def advisor_pages() -> list[tuple[str, str]]:
    user = User.objects.get(email=ADVISOR)
    case = _first(cases_advised(user, _programme().cases.order_by("pk")))
    goal = _first(CaseGoal.objects.filter(case=case).order_by("pk"))
    logbook = Logbook.objects.get(company=case.company)
    meeting = _next_meeting()
    return [
        ("dashboard", reverse("dashboard")),
        ("my cases", reverse("matching:landing")),
        ("case list", reverse("matching:case_dashboard")),
        ("case page", reverse("matching:case_detail", args=[case.pk])),
        ("case goal", reverse("matching:case_goal_detail", args=[case.pk, goal.pk])),
        ("advisor profile", reverse("matching:advisor_profile", args=[_programme().pk])),
        ("logbooks", reverse("logbook:landing")),
        ("the company's logbook", reverse("logbook:detail", args=[logbook.pk])),
        ("change logics", reverse("logbook:change_logics", args=[logbook.pk])),
        ("readiness (insights)", reverse("logbook:readiness", args=[logbook.pk])),
        ("programme", reverse("programme:landing")),
        ("meeting page", reverse("programme:meeting", args=[meeting.pk])),
        ("live view", reverse("programme:live", args=[meeting.pk])),
        *_account_pages(),
    ]


def provider_advisor_pages() -> list[tuple[str, str]]:
    user = User.objects.get(email=PROVIDER_ADVISOR)
    provider = _first(providers_of_member(user, Provider.objects.order_by("pk")))
    request = _first(_requests_of(PROVIDER_ADVISOR).filter(provider=provider))
    course = _first(Course.objects.filter(request__provider=provider).order_by("pk"))
    return [
        ("dashboard", reverse("dashboard")),
        ("queue", reverse("advice:provider_queue", args=[provider.slug])),
        ("capacity", reverse("advice:provider_capacity", args=[provider.slug])),
        ("advice requests", reverse("advice:my_requests")),
        ("advice request", reverse("advice:request_detail", args=[request.pk])),
        ("course", reverse("advice:course_detail", args=[course.pk])),
        *_advice_catalogue_pages()[:2],
        *_account_pages(),
    ]


def leader_pages() -> list[tuple[str, str]]:
    request = _first(_requests_of(LEADER))
    course = _first(Course.objects.filter(request=request))
    return [
        ("dashboard", reverse("dashboard")),
        ("my advice requests", reverse("advice:my_requests")),
        ("advice request", reverse("advice:request_detail", args=[request.pk])),
        ("course", reverse("advice:course_detail", args=[course.pk])),
        ("new advice request", reverse("advice:request_start")),
        *_advice_catalogue_pages(),
        *_account_pages(),
    ]


def representative_pages() -> list[tuple[str, str]]:
    request = _first(_requests_of(REPRESENTATIVE))
    return [
        ("dashboard", reverse("dashboard")),
        ("my advice requests", reverse("advice:my_requests")),
        ("advice request", reverse("advice:request_detail", args=[request.pk])),
        ("advice catalogue", reverse("advice:catalogue")),
        *_account_pages(),
    ]


def anonymous_pages() -> list[tuple[str, str]]:
    return [
        ("front page", reverse("front_page")),
        *_knowledge_pages(),
        *_advice_catalogue_pages(),
        ("ask for advice", reverse("advice:request_start")),
        ("log in", reverse("account_login")),
        ("password reset", reverse("account_reset_password")),
    ]


ROLES = [
    ("facilitator", FACILITATOR, facilitator_pages),
    ("SMV owner", SMV_OWNER, smv_owner_pages),
    ("advisor", ADVISOR, advisor_pages),
    ("advice provider's advisor", PROVIDER_ADVISOR, provider_advisor_pages),
    ("workplace leader", LEADER, leader_pages),
    ("workplace representative", REPRESENTATIVE, representative_pages),
    ("anonymous", None, anonymous_pages),
]


@pytest.fixture
def demo(transactional_db):
    """The demo, with the next meeting live on a long word, a draft run, an invitation."""
    call_command("demo_data", stdout=StringIO())
    facilitator = User.objects.get(email=FACILITATOR)
    meeting = _next_meeting()
    item = agenda_item_save(meeting=meeting, title=f"{LONG_WORD} gennemgås", duration_minutes=15)
    meeting_go_to(meeting=meeting, item=item)
    match_run_create(programme=_programme(), mode=MatchRun.Mode.MAX_TOTAL, by=facilitator)
    invitation_create(
        organisation=_company_of(SMV_OWNER),
        email="arbejdsmiljoerepraesentant.for.hele.virksomheden@klokkeblomsten-kommunikation.example",
        role=Role.SMV_OWNER,
        invited_by=facilitator,
    )


def _width(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


# The row actions of a .table-actions table must be on screen without scrolling
# the table: the right edge of every last cell inside the phone's width.
ACTIONS_OFF_SCREEN = """(width) => Array.from(
    document.querySelectorAll('main table.table-actions tr > :last-child'))
    .map((cell, index) => [index + 1, Math.round(cell.getBoundingClientRect().right)])
    .filter(([, right]) => right > width)"""

# The pages whose tables changed most: axe runs on them at phone width.
AXE_PAGES = {
    ("advisor", "case page"),
    ("facilitator", "meeting agenda builder"),
    ("facilitator", "page revisions"),
    ("facilitator", "organisation page"),
    ("facilitator", "live view"),
    ("SMV owner", "access log"),
}


def test_every_main_page_of_every_role_fits_a_phone(browser, live_server, demo, browser_problems):
    too_wide: list[str] = []
    not_served: list[str] = []
    hidden_actions: list[str] = []
    not_accessible: list[str] = []
    checked: dict[str, int] = {}
    for role, email, pages_of in ROLES:
        pages = pages_of()
        context = browser.new_context(locale="da-DK", base_url=live_server.url, viewport=PHONE)
        page = context.new_page()
        browser_problems.watch(page)
        try:
            if email is not None:
                login_and_expect_dashboard(page, live_server, email, DEMO_PASSWORD)
            for label, path in pages:
                where = f"{role}: {label} {path}"
                try:
                    response = page.goto(live_server.url + path)
                except PlaywrightError as error:
                    not_served.append(f"{where} did not open: {error.message.splitlines()[0]}")
                    continue
                if response is None or response.status != 200:
                    status = response.status if response else "no response"
                    not_served.append(f"{where} answered {status}")
                    continue
                width = _width(page)
                if width > PHONE["width"]:
                    too_wide.append(f"{where} is {width} px wide")
                for row, right in page.evaluate(ACTIONS_OFF_SCREEN, PHONE["width"]):
                    hidden_actions.append(f"{where}: the actions of row {row} end at {right} px")
                if (role, label) in AXE_PAGES:
                    try:
                        assert_accessible(page)
                    except AssertionError as error:
                        not_accessible.append(f"{where}: {error}")
        finally:
            context.close()
        checked[role] = len(pages)

    summary = ", ".join(f"{role} {count}" for role, count in checked.items())
    print(f"\nPages checked at 390 px per role: {summary}; {sum(checked.values())} in all.")
    assert not not_served, "pages that did not open:\n" + "\n".join(not_served)
    assert not too_wide, f"pages wider than the {PHONE['width']} px screen:\n" + "\n".join(too_wide)
    assert not hidden_actions, "row actions off screen:\n" + "\n".join(hidden_actions)
    assert not not_accessible, "\n".join(not_accessible)
    assert not browser_problems.errors, "\n".join(browser_problems.errors)
