"""Who writes in an entry's thread (the thread machinery is `bifrost.core.threads`).

Posting and replying is `logbook.comment_entry` on the logbook (the company's
people and its consented advisor, logbook/access/rules.py): the advisor loses it
with the consent or the case, as she loses reading. Editing and deleting a
comment is its author's only (`logbook.change_entry_comment`), on top of that.
Everything else is 404, as for any logbook page.
"""

import rules
from django.http import Http404

from bifrost.core.access import object_or_404
from bifrost.core.threads.rules import is_own_comment
from logbook.models import Entry, EntryComment

rules.add_perm("logbook.change_entry_comment", is_own_comment)


def comment_or_404(user, entry: Entry, pk: int) -> EntryComment:
    """The person's own live comment `pk` on `entry`."""
    return object_or_404(
        EntryComment.objects.filter(entry=entry).select_related("author"),
        pk=pk,
        user=user,
        perm="logbook.change_entry_comment",
    )


def answerable_or_404(entry: Entry, pk: int) -> EntryComment:
    """A live comment on `entry` that a reply may answer."""
    comment = EntryComment.objects.filter(entry=entry, pk=pk, deleted_at__isnull=True).first()
    if comment is None:
        raise Http404
    return comment
