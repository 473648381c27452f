"""The edit and delete pages every thread shares. The app's view finds the comment
(404 unless it is the person's own and they may still post there), then hands
over the write to call and where to go back to.

- Edit: after the 15 minutes a GET goes back to the thread with a message; a POST
  that arrives too late keeps the text on the form with the reason (nothing typed
  is lost). An invalid edit answers 400.
- Delete: a GET asks for confirmation (saying whether a placeholder stays), the
  POST deletes.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bifrost.core.submit import submit
from bifrost.core.threads.forms import CommentForm
from bifrost.core.threads.models import ThreadComment
from bifrost.core.threads.services import edit_window_closed_message

Crumbs = list[tuple[str, str]]  # (url, label) from the top down to the thread's page


def _context(comment: ThreadComment, back_url: str, crumbs: Crumbs, **extra) -> dict:
    return {"comment": comment, "back_url": back_url, "crumbs": crumbs, **extra}


def comment_edit(
    request,
    comment: ThreadComment,
    *,
    edit: Callable[[str], Any],
    back_url: str,
    crumbs: Crumbs,
    extra: dict | None = None,
    shown: Callable[[], Any] | None = None,
):
    """The edit page of the person's own comment; `edit(text)` saves it; `shown()` is
    called whenever the page is shown (the logbook logs an outsider's read)."""
    if request.method != "POST" and not comment.is_editable():
        messages.error(request, edit_window_closed_message())
        return redirect(back_url)
    data = request.POST if request.method == "POST" else None
    form = CommentForm(data, initial={"text": comment.text})
    done = submit(
        request,
        form,
        lambda data: edit(data["text"]),
        success=_("Your comment was saved."),
        redirect_to=f"{back_url}#comment-{comment.pk}",
    )
    if done is not None:
        return done
    if shown is not None:
        shown()
    return render(
        request,
        "core/threads/comment_edit.html",
        _context(comment, back_url, crumbs, form=form, **(extra or {})),
        status=400 if form.is_bound else 200,
    )


def comment_delete(
    request,
    comment: ThreadComment,
    *,
    delete: Callable[[], Any],
    back_url: str,
    crumbs: Crumbs,
    extra: dict | None = None,
    shown: Callable[[], Any] | None = None,
):
    """Confirm (GET), then delete (POST) the person's own comment via `delete()`;
    `shown()` is called when the confirmation is shown."""
    if request.method == "POST":
        delete()
        messages.success(request, _("Your comment was deleted."))
        return redirect(f"{back_url}#comments")
    if shown is not None:
        shown()
    has_replies = comment.has_replies()
    return render(
        request,
        "core/threads/comment_delete.html",
        _context(comment, back_url, crumbs, has_replies=has_replies, **(extra or {})),
    )
