"""What programme adds to the dashboards (`bifrost.accounts.dashboards.panels`): the
SMV owner's next meeting with its preparation, published minutes as news, and for
facilitators the next meeting of each programme and the evaluation's response rates.

Each loader joins an access rule (who may see what) with a read of `selectors`;
`register()` runs in ProgrammeConfig.ready (accounts may not import programme).
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from bifrost.accounts.dashboards.panels import NewsItem, Viewer, register_news, register_panel
from bifrost.accounts.models import Role
from programme.dashboards import selectors
from programme.meetings.rules import meetings_taken_part_in, meetings_visible
from programme.models import Meeting, Programme
from programme.programmes.rules import programmes_visible
from programme.programmes.selectors import represented_enrolments

#: A programme's evaluation stays on the dashboard this long after the programme ended.
EVALUATION_SHOWN_AFTER_END = datetime.timedelta(days=30)


def company_next_meetings(viewer: Viewer) -> list[selectors.CompanyNextMeeting]:
    """The next meeting of each programme a company the person represents is enrolled
    in, with its preparation; read once per dashboard (the task list shows it too)."""
    return viewer.memo(
        "programme.company_next_meetings",
        lambda: selectors.next_meetings_of_companies(
            represented_enrolments(viewer.user), now=viewer.now, today=viewer.today
        ),
    )


def owner_next_meetings(viewer: Viewer) -> dict:
    """The next meeting of each programme a company the person owns is enrolled in."""
    return {"rows": company_next_meetings(viewer), "today": viewer.today}


def minutes_news(viewer: Viewer) -> list[NewsItem]:
    meetings = meetings_taken_part_in(viewer.user, Meeting.objects.all())
    return [
        NewsItem(
            at=meeting.minutes_published_at,
            text=_("The minutes of “%(meeting)s” were published.") % {"meeting": meeting.title},
            url=reverse("programme:meeting", args=[meeting.pk]) + "#minutes-title",
        )
        for meeting in selectors.minutes_published_since(meetings, since=viewer.news_since)
        if meeting.minutes_published_at is not None
    ]


def facilitator_next_meetings(viewer: Viewer) -> dict:
    programmes = programmes_visible(viewer.user, Programme.objects.all())
    rows = selectors.next_meetings_of_programmes(programmes, now=viewer.now, today=viewer.today)
    return {"rows": rows}


def facilitator_response_rates(viewer: Viewer) -> dict:
    meetings = meetings_visible(viewer.user, Meeting.objects.all()).filter(
        programme__ends_on__gte=viewer.today - EVALUATION_SHOWN_AFTER_END
    )
    return {"rates": selectors.response_rates(meetings), "now": viewer.now}


def register() -> None:
    register_panel(
        key="programme.next_meeting",
        roles=[Role.SMV_OWNER],
        order=10,
        template="programme/dashboards/dashboard_next_meeting.html",
        load=owner_next_meetings,
    )
    register_news(key="programme.minutes", roles=[Role.SMV_OWNER], collect=minutes_news)
    register_panel(
        key="programme.next_meetings",
        roles=[Role.FACILITATOR],
        order=10,
        template="programme/dashboards/dashboard_programme_meetings.html",
        load=facilitator_next_meetings,
        wide=True,
    )
    register_panel(
        key="programme.evaluation",
        roles=[Role.FACILITATOR],
        order=30,
        template="programme/dashboards/dashboard_response_rates.html",
        load=facilitator_response_rates,
    )
