"""Demo: two case pages drafted from the demo logbooks that share with the
researchers. One went through both approvals and is published on the knowledge
site; the other waits for the company (its advisor has approved).

Made through the real services (draft, send, approve, publish), then dated a few
days back, as if the steps had happened over the last week. The names on the
pages are only as the companies chose; everything is fictional.
"""

import datetime

from bifrost.accounts.models import User
from knowledge.approvals import services as approvals
from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services as editor
from knowledge.models import CaseApproval, CaseApprovalEvent, Page, Party
from logbook.case_pages import services as case_pages
from logbook.models import Entry, Logbook
from programme.demo_calendar import DemoCalendar

Action = CaseApprovalEvent.Action

# (company number, initiative title, how the company is named, page title, summary, published)
CASE_PAGES = [
    (
        3,
        "Fast tjek-in om mandagen",
        "en lille ugeavis",
        "Et kvarter om mandagen, der tager presset af onsdagen",
        "En lille ugeavis flyttede snakken om ugens sider til mandag morgen, og de sene "
        "overleveringer før deadline blev færre.",
        True,
    ),
    (
        1,
        "Modtagelsesplan for tilbagevenden",
        "et lille pengeinstitut",
        "En modtagelsesplan, der får teamet med",
        "Et lille pengeinstitut gjorde tilbagevenden efter en sygemelding til en sag for "
        "hele teamet, ikke kun for lederen.",
        False,
    ),
]


def _at(calendar: DemoCalendar, days_ago: int, hour: int) -> datetime.datetime:
    return calendar.at(calendar.today - datetime.timedelta(days=days_ago), datetime.time(hour))


# When each step happened, as (days ago, hour): over the past week, in order.
STEPS = {
    (Action.DRAFTED, ""): (8, 10),
    (Action.SENT, ""): (6, 10),
    (Action.APPROVED, Party.ADVISOR): (5, 14),
    (Action.APPROVED, Party.COMPANY): (4, 10),
    (Action.PUBLISHED, ""): (3, 10),
}


def _date_steps(approval: CaseApproval, calendar: DemoCalendar, published: bool) -> None:
    """Spread the steps over the past week (the services stamped them just now)."""
    for event in approval.events.all():
        days_ago, hour = STEPS.get((event.action, event.party), (3, 12))
        CaseApprovalEvent.objects.filter(pk=event.pk).update(
            created_at=_at(calendar, days_ago, hour)
        )
    CaseApproval.objects.filter(pk=approval.pk).update(
        sent_at=_at(calendar, *STEPS[(Action.SENT, "")]),
        advisor_approved_at=_at(calendar, *STEPS[(Action.APPROVED, Party.ADVISOR)]),
        **(
            {"company_approved_at": _at(calendar, *STEPS[(Action.APPROVED, Party.COMPANY)])}
            if published
            else {}
        ),
    )
    if published:
        moment = _at(calendar, *STEPS[(Action.PUBLISHED, "")])
        Page.objects.filter(pk=approval.page_id).update(
            published_at=moment, first_published_at=moment
        )


def _one(logbook, facilitator, calendar, number, initiative, label, title, summary, published):
    entry = Entry.objects.filter(
        logbook=logbook, kind=Entry.Kind.INITIATIVE, title=initiative
    ).first()
    excerpt = (
        Entry.objects.filter(logbook=logbook, kind=Entry.Kind.ADVISOR_EXPERIENCE)
        .order_by("entry_date", "pk")
        .first()
    )
    if entry is None:
        return
    approval = case_pages.case_page_draft(
        logbook=logbook,
        initiative=entry,
        excerpts=[excerpt] if excerpt else [],
        company_label=label,
        title=title,
        user=facilitator,
    )
    page = approval.page
    content = editor_selectors.newest_content(page)
    content["summary"] = summary
    editor.page_save_draft(page=page, content=content, user=facilitator)
    approval = approvals.case_approval_send(approval=approval, user=facilitator)
    owner = User.objects.get(email=f"smv{number}@bifrost.example")
    approvals.case_approval_approve(
        approval=approval, party=Party.ADVISOR, user=approval.advisor, seen_hash=approval.sent_hash
    )
    if published:
        approvals.case_approval_approve(
            approval=approval, party=Party.COMPANY, user=owner, seen_hash=approval.sent_hash
        )
        editor.page_publish(page=Page.objects.get(pk=page.pk), content=None, user=facilitator)
    _date_steps(approval, calendar, published)


def load(*, programme, calendar: DemoCalendar) -> int:
    """Make the demo's case pages that are not there yet; returns how many."""
    facilitator = User.objects.filter(email="facilitator@bifrost.example").first()
    made = 0
    for number, initiative, label, title, summary, published in CASE_PAGES:
        logbook = (
            Logbook.objects.filter(
                programme=programme,
                company__memberships__user__email=f"smv{number}@bifrost.example",
                share_with_researchers=True,
            )
            .select_related("company", "programme")
            .first()
        )
        if logbook is None or CaseApproval.objects.filter(company=logbook.company).exists():
            continue
        _one(logbook, facilitator, calendar, number, initiative, label, title, summary, published)
        made += 1
    return made
