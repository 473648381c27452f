"""The main pages of each demo role, as (label, path) pairs looked up in the demo
(`manage.py demo_data`), for tests/e2e/test_phone_width.py. A page list is a
function, called after the demo is loaded; ROLES says who logs in for which list.
"""

from django.urls import reverse

from advice.models import AdviceRequest, Course, Provider, Theme
from advice.requests.rules import providers_of_member, visible_requests
from bifrost.accounts.models import Organisation, User
from knowledge.models import CaseApproval
from knowledge.models import Page as KnowledgePage
from logbook.models import ChangeLogic, Logbook
from matching.cases.rules import cases_advised
from matching.models import CaseGoal, MatchRun
from programme.demo import DEMO_NAME
from programme.models import Meeting, Programme, Recommendation

DEMO_PASSWORD = "bifrost-demo"  # bifrost/accounts/demo.py

FACILITATOR = "facilitator@bifrost.example"
SMV_OWNER = "smv1@bifrost.example"
ADVISOR = "advisor1@bifrost.example"
PROVIDER_ADVISOR = "fyrtaarn1@bifrost.example"
# The pair whose demo request was accepted: it has the most to show.
LEADER = "leder6@bifrost.example"
REPRESENTATIVE = "tr6@bifrost.example"


def _first(queryset):
    found = queryset.first()
    assert found is not None, f"the demo has no {queryset.model.__name__} for this page"
    return found


def demo_programme() -> Programme:
    return Programme.objects.get(name=DEMO_NAME)


def _meeting(number: int) -> Meeting:
    return demo_programme().meetings.get(number=number)


def next_meeting() -> Meeting:
    return demo_programme().meetings.get(number=4)  # programme/demo_calendar.py


def company_of(email: str) -> Organisation:
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
    programme = demo_programme()
    meeting = next_meeting()
    held = _meeting(3)
    company = company_of(SMV_OWNER)
    logbook = Logbook.objects.get(company=company)
    case = _first(programme.cases.order_by("pk"))
    run = _first(MatchRun.objects.filter(programme=programme, status=MatchRun.Status.DRAFT))
    revised = _first(KnowledgePage.objects.filter(revisions__isnull=False).order_by("pk"))
    approval = _first(CaseApproval.objects.order_by("pk"))
    revision = revised.revisions.order_by("-pk").first()
    member = company.memberships.order_by("pk").first()
    recommendation = _first(Recommendation.objects.filter(meeting=_meeting(5)).order_by("pk"))
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
        ("edit an organisation", reverse("organisation_edit", args=[company.pk])),
        ("remove a member", reverse("membership_remove", args=[member.pk])),
        ("start the meeting again", reverse("programme:run_restart", args=[meeting.pk])),
        ("edit a meeting", reverse("programme:meeting_edit", args=[meeting.pk])),
        (
            "a recommendation's wording",
            reverse("programme:recommendation_edit", args=[recommendation.pk]),
        ),
        *_knowledge_pages()[:2],
        ("knowledge editor", reverse("knowledge:editor_list")),
        ("knowledge editor: a page", reverse("knowledge:editor_edit", args=[revised.pk])),
        ("page revisions", reverse("knowledge:editor_revisions", args=[revised.pk])),
        (
            "what changed in a revision",
            reverse("knowledge:editor_revision_changes", args=[revised.pk, revision.pk]),
        ),
        ("case approvals", reverse("knowledge:case_approvals")),
        ("case approval", reverse("knowledge:case_approval", args=[approval.pk])),
        ("advice catalogue", reverse("advice:catalogue")),
        ("advice overview", reverse("advice:overview")),
        ("advice counts", reverse("advice:overview_counts")),
        ("advice editor", reverse("advice:editor")),
        *_account_pages(),
    ]


def smv_owner_pages() -> list[tuple[str, str]]:
    company = company_of(SMV_OWNER)
    logbook = Logbook.objects.get(company=company)
    case = _first(company.cases.order_by("pk"))
    entry = _first(logbook.entries.filter(deleted_at__isnull=True).order_by("pk"))
    change_logic = _first(ChangeLogic.objects.filter(entry__logbook=logbook).order_by("pk"))
    meeting = next_meeting()
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
    case = _first(cases_advised(user, demo_programme().cases.order_by("pk")))
    goal = _first(CaseGoal.objects.filter(case=case).order_by("pk"))
    logbook = Logbook.objects.get(company=case.company)
    meeting = next_meeting()
    return [
        ("dashboard", reverse("dashboard")),
        ("my cases", reverse("matching:landing")),
        ("case list", reverse("matching:case_dashboard")),
        ("case page", reverse("matching:case_detail", args=[case.pk])),
        ("case goal", reverse("matching:case_goal_detail", args=[case.pk, goal.pk])),
        ("advisor profile", reverse("matching:advisor_profile", args=[demo_programme().pk])),
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
        ("privacy", reverse("accounts:privacy")),
        ("help and contact", reverse("help")),
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
