"""The entries' notifications: a new comment. Called by `logbook.entries.services`.

The title names the commenter and the company only: neither the entry's title nor
the comment's text (logbook writing, possibly about health) ever leaves the page.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bifrost.accounts.models import Membership
from bifrost.core.notifications.services import notify
from bifrost.core.people import display_name
from logbook.models import EntryComment

COMMENT_ADDED = "logbook_comment"


def comment_added(*, comment: EntryComment) -> None:
    """The entry's author and the company's people, except the commenter."""
    entry = comment.entry
    logbook = entry.logbook
    members = [
        m.user
        for m in Membership.objects.filter(organisation_id=logbook.company_id).select_related(
            "user"
        )
    ]
    notify(
        kind=COMMENT_ADDED,
        recipients=[entry.author, *members],
        exclude=[comment.author],
        link=reverse("logbook:entry_detail", args=[logbook.pk, entry.pk]),
        cause=f"comment:{comment.pk}",
        title_template=_("%(person)s commented on an entry in the logbook of %(company)s"),
        context={"person": display_name(comment.author), "company": logbook.company.name},
    )
