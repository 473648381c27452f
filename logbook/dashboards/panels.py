"""What the logbook adds to the dashboards (`bifrost.accounts.dashboards.panels`): the
SMV owner's logbook at a glance (the last entry, a button to write one, the next
readiness check), comments from outside the company as news, and, on the advisor's
cases, the entries she has not seen yet (`matching.dashboards.attention`).

Each loader joins an access rule (`logbook.access.rules`) with a read of
`selectors`; `register()` runs in LogbookConfig.ready.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bifrost.accounts.dashboards.panels import NewsItem, Viewer, register_news, register_panel
from bifrost.accounts.models import Role
from bifrost.core.people import display_name
from logbook.access.rules import of_own_company, shared_with_advisor
from logbook.dashboards import selectors
from logbook.models import Logbook
from matching.dashboards import attention


def _own_logbooks(viewer: Viewer):
    return of_own_company(viewer.user, Logbook.objects.all())


def owner_logbook(viewer: Viewer) -> dict:
    return {
        "logbooks": selectors.logbooks_at_a_glance(_own_logbooks(viewer), today=viewer.today),
        "today": viewer.today,
    }


def comment_news(viewer: Viewer) -> list[NewsItem]:
    return [
        NewsItem(
            at=comment.created_at,
            text=_("%(person)s commented on the entry “%(entry)s”.")
            % {"person": display_name(comment.author), "entry": comment.entry.title},
            url=reverse("logbook:entry_detail", args=[comment.entry.logbook_id, comment.entry_id]),
        )
        for comment in selectors.comments_by_outsiders_since(
            _own_logbooks(viewer), since=viewer.news_since
        )
    ]


def _unseen_text(unseen: selectors.Unseen) -> str:
    if unseen.last_read is None:
        return ngettext(
            "%(n)d logbook entry, and you have not opened the logbook yet",
            "%(n)d logbook entries, and you have not opened the logbook yet",
            unseen.count,
        ) % {"n": unseen.count}
    return ngettext(
        "%(n)d new logbook entry since you last opened the logbook (%(date)s)",
        "%(n)d new logbook entries since you last opened the logbook (%(date)s)",
        unseen.count,
    ) % {"n": unseen.count, "date": date_format(unseen.last_read, "DATE_FORMAT")}


def unseen_entries(cases, *, viewer: Viewer) -> dict[int, list[attention.Reason]]:
    """For the advisor's cases: the entries written since she last opened the logbook,
    where the company shares it with her (nothing is said about the others)."""
    logbooks = shared_with_advisor(viewer.user, Logbook.objects.all()).filter(
        programme_id__in={case.programme_id for case in cases},
        company_id__in={case.company_id for case in cases},
    )
    unseen = selectors.entries_unseen_by(viewer.user, logbooks)
    reasons: dict[int, list[attention.Reason]] = {}
    for case in cases:
        found = unseen.get((case.programme_id, case.company_id))
        if found is not None and found.count:
            reasons[case.pk] = [
                attention.Reason(
                    attention.NEW_ENTRIES,
                    _unseen_text(found),
                    reverse("logbook:detail", args=[found.logbook_id]),
                )
            ]
    return reasons


def register() -> None:
    register_panel(
        key="logbook.glance",
        roles=[Role.SMV_OWNER],
        order=40,
        template="logbook/dashboards/dashboard_logbook.html",
        load=owner_logbook,
    )
    register_news(key="logbook.comments", roles=[Role.SMV_OWNER], collect=comment_news)
    attention.register_reasons(key="logbook.unseen_entries", compute=unseen_entries)
