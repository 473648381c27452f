"""The writes every thread shares: post (a comment or a reply), edit within the
window, delete (a placeholder when replies hang on it).

The apps' services build the comment (subject, author, text, parent) and call
these inside their own transaction, then notify; the permission to post is the
app's, the rule that only the author edits or deletes is checked here too.
"""

from datetime import datetime
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bifrost.core.threads.models import EDIT_WINDOW, ThreadComment

# Nullable links without blank=True: set here, never by a form.
_SET_BY_SERVICE = ["author"]


def edit_window_closed_message() -> str:
    minutes = int(EDIT_WINDOW.total_seconds() // 60)
    return ngettext(
        "A comment can only be changed in the first %(minutes)d minute after it was "
        "posted. You can delete it and write a new one.",
        "A comment can only be changed in the first %(minutes)d minutes after it was "
        "posted. You can delete it and write a new one.",
        minutes,
    ) % {"minutes": minutes}


def _reply_target(comment: ThreadComment) -> ThreadComment | None:
    """The top-level comment a reply joins (a reply to a reply joins its thread)."""
    parent = comment.parent
    if parent is None:
        return None
    if parent.parent_id is not None:
        parent = parent.parent
    if parent is None or parent.subject_id() != comment.subject_id():
        raise ValidationError(_("You can only answer a comment on the same page."))
    if parent.is_deleted:
        raise ValidationError(_("That comment was deleted, so it can no longer be answered."))
    return parent


@transaction.atomic
def thread_comment_post[C: ThreadComment](*, comment: C) -> C:
    """Validate and save a new comment or reply (not yet saved, author set)."""
    comment.parent = _reply_target(comment)
    comment.text = (comment.text or "").strip()
    comment.full_clean(exclude=_SET_BY_SERVICE)
    comment.save()
    return comment


def _locked_own[C: ThreadComment](comment: C, by: Any) -> C:
    manager = type(comment)._default_manager
    locked = cast(C | None, manager.select_for_update().filter(pk=comment.pk).first())
    if locked is None or locked.is_deleted or locked.author_id != by.pk:
        raise ValidationError(_("You can only change or delete your own comments."))
    return locked


@transaction.atomic
def thread_comment_edit[C: ThreadComment](
    *, comment: C, by: Any, text: str, now: datetime | None = None
) -> C:
    """Change the author's own comment while it is inside the edit window."""
    now = now or timezone.now()
    locked = _locked_own(comment, by)
    if not locked.is_editable(now):
        raise ValidationError(edit_window_closed_message())
    locked.text = (text or "").strip()
    locked.edited_at = now
    locked.full_clean(exclude=_SET_BY_SERVICE)
    locked.save(update_fields=["text", "edited_at"])
    return locked


@transaction.atomic
def thread_comment_delete(*, comment: ThreadComment, by: Any, now: datetime | None = None) -> bool:
    """Delete the author's own comment. With replies it becomes a placeholder (no
    text, no author) and True is returned; a reply that was the last one under a
    placeholder takes the placeholder with it."""
    locked = _locked_own(comment, by)
    manager = type(locked)._default_manager
    if locked.has_replies():
        manager.filter(pk=locked.pk).update(
            text="", author=None, edited_at=None, deleted_at=now or timezone.now()
        )
        return True
    parent_id = locked.parent_id
    locked.delete()
    # The placeholder it answered goes with its last reply (lookups as a dict:
    # django-stubs cannot check them on an abstract model).
    if parent_id is not None and not manager.filter(**{"parent_id": parent_id}).exists():
        manager.filter(pk=parent_id, deleted_at__isnull=False).delete()
    return False
