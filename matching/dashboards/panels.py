"""What matching adds to the dashboards (`bifrost.accounts.dashboards.panels`): the
SMV owner's tasks and case, goals the advisor added or changed (news), the advisor's
cases by urgency, and the facilitator's match runs waiting for confirmation.

Each loader joins an access rule (`matching.cases.rules`, `programme` rules) with a
read of `selectors`; `register()` runs in MatchingConfig.ready.
"""

from bifrost.accounts.dashboards.panels import NewsItem, Viewer, register_news, register_panel
from bifrost.accounts.models import Role
from matching.cases.rules import cases_advised, cases_of_own_company
from matching.dashboards import selectors
from matching.models import Case, MatchRun
from programme.dashboards.panels import company_next_meetings
from programme.models import Programme
from programme.programmes.rules import programmes_visible

#: The advisor's panel shows this many cases, the most urgent first.
CASES_SHOWN = 20


def _own_active_cases(viewer: Viewer):
    return cases_of_own_company(viewer.user, Case.objects.filter(status=Case.Status.ACTIVE))


def owner_tasks(viewer: Viewer) -> selectors.OwnerTasks:
    return selectors.owner_tasks(
        _own_active_cases(viewer),
        company_next_meetings(viewer),
        user=viewer.user,
        today=viewer.today,
    )


def owner_cases(viewer: Viewer) -> selectors.OwnerCases:
    enrolments = [row.enrolment for row in company_next_meetings(viewer)]
    return selectors.owner_cases(_own_active_cases(viewer), enrolments)


def goal_news(viewer: Viewer) -> list[NewsItem]:
    return [
        NewsItem(at=news.at, text=news.text, url=news.url)
        for news in selectors.goals_by_advisor_since(
            _own_active_cases(viewer), since=viewer.news_since
        )
    ]


def advisor_cases(viewer: Viewer) -> dict:
    rows = selectors.advisor_cases(cases_advised(viewer.user, Case.objects.all()), viewer=viewer)
    return {"rows": rows[:CASES_SHOWN], "total": len(rows), "today": viewer.today}


def facilitator_draft_runs(viewer: Viewer) -> dict:
    programmes = programmes_visible(viewer.user, Programme.objects.all())
    return {"runs": selectors.draft_runs(MatchRun.objects.filter(programme__in=programmes))}


def register() -> None:
    register_panel(
        key="matching.tasks",
        roles=[Role.SMV_OWNER],
        order=20,
        template="matching/dashboards/dashboard_owner_tasks.html",
        load=owner_tasks,
    )
    register_panel(
        key="matching.case",
        roles=[Role.SMV_OWNER],
        order=50,
        template="matching/dashboards/dashboard_owner_case.html",
        load=owner_cases,
    )
    register_news(key="matching.goals", roles=[Role.SMV_OWNER], collect=goal_news)
    register_panel(
        key="matching.cases",
        roles=[Role.ADVISOR],
        order=10,
        template="matching/dashboards/dashboard_advisor_cases.html",
        load=advisor_cases,
        wide=True,
    )
    register_panel(
        key="matching.draft_runs",
        roles=[Role.FACILITATOR],
        order=20,
        template="matching/dashboards/dashboard_draft_runs.html",
        load=facilitator_draft_runs,
    )
