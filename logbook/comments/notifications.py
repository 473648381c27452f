"""Notifications of an entry's thread: a new comment or reply. Called by
`logbook.comments.services`.

The other side hears of it: the company's people (and the entry's author) when the
advisor writes, the consented advisor when someone of the company writes; the
author of the comment answered hears of a reply too. Only people who can still
open the entry are told. The title names the person and the company only: neither
the entry's title nor the comment's text (logbook writing, possibly about health)
ever leaves the page.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.core.notifications.services import notify
from bifrost.core.people import display_name
from logbook.comments import selectors
from logbook.models import EntryComment

COMMENT_ADDED = "logbook_comment"


def comment_added(*, comment: EntryComment) -> None:
    entry = comment.entry
    logbook = entry.logbook
    members = selectors.company_people(logbook)
    advisor = selectors.consented_advisor(logbook)
    readers = {user.pk for user in members} | ({advisor.pk} if advisor else set())
    by_company = comment.author_id in {user.pk for user in members}
    other_side = ([advisor] if advisor else []) if by_company else [entry.author, *members]
    answered = comment.parent.author if comment.parent is not None else None
    recipients = [u for u in [*other_side, answered] if u is not None and u.pk in readers]
    title = (
        _("%(person)s replied to a comment in the logbook of %(company)s")
        if comment.parent_id
        else _("%(person)s commented on an entry in the logbook of %(company)s")
    )
    notify(
        kind=COMMENT_ADDED,
        recipients=recipients,
        exclude=[comment.author],
        link=reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])
        + f"#comment-{comment.pk}",
        cause=f"comment:{comment.pk}",
        title_template=title,
        context={"person": display_name(comment.author), "company": logbook.company.name},
    )
