"""Writes in an entry's thread: comment or reply, edit (15 minutes), delete.

The shared behaviour is `bifrost.core.threads.services`; here is what is the
logbook's: a comment is on a live entry, and a new one notifies the other side.
Who may post is the views' check (`logbook.comment_entry`); only the author edits
or deletes (checked again by the core).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bifrost.core.threads import services as threads
from logbook.comments import notifications
from logbook.models import Entry, EntryComment


@transaction.atomic
def comment_add(*, entry: Entry, by, text: str, parent: EntryComment | None = None) -> EntryComment:
    """A new comment on the entry, or a reply to `parent`; notifies the other side."""
    if entry.deleted_at is not None:
        raise ValidationError(_("This entry was deleted, so it can no longer be commented on."))
    comment = threads.thread_comment_post(
        comment=EntryComment(entry=entry, author=by, text=text, parent=parent)
    )
    notifications.comment_added(comment=comment)
    return comment


def comment_edit(*, comment: EntryComment, by, text: str) -> EntryComment:
    return threads.thread_comment_edit(comment=comment, by=by, text=text)


def comment_delete(*, comment: EntryComment, by) -> bool:
    """True when a placeholder stays (the comment has replies)."""
    return threads.thread_comment_delete(comment=comment, by=by)
