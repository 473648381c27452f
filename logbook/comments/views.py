"""An entry's thread: comment, reply, edit (15 minutes) and delete one's own.

Every view finds the logbook with `logbook.comment_entry` (the company's people
and the consented advisor; everyone else, researchers included, gets 404) and the
entry in it. What the advisor (someone outside the company) writes, changes or
deletes goes to the access log, and so does her opening of the edit and delete
pages (they show the entry's title); the company's own people are not logged.
"""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.accounts.models import AccessLogEntry
from bifrost.core.submit import submit
from bifrost.core.threads import display
from bifrost.core.threads import views as thread_views
from bifrost.core.threads.forms import CommentForm
from logbook.access.rules import logbook_or_404
from logbook.access.services import log_access
from logbook.comments import rules, services
from logbook.comments.threads import POST, entry_thread
from logbook.entries.rules import entry_or_404
from logbook.entries.views import entry_page

Action = AccessLogEntry.Action


def _entry_url(logbook, entry) -> str:
    return reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])


def _posted(request, logbook, entry, form, *, parent=None):
    def add(data):
        comment = services.comment_add(
            entry=entry, by=request.user, text=data["text"], parent=parent
        )
        log_access(request, logbook, Action.COMMENT, "entry", entry.pk)
        return comment

    response = submit(
        request,
        form,
        add,
        success=_("Your reply was added.") if parent else _("Your comment was added."),
        redirect_to=lambda comment: f"{_entry_url(logbook, entry)}#comment-{comment.pk}",
    )
    if response is not None:
        return response
    log_access(request, logbook, Action.READ, "entry", entry.pk)
    bound = {"reply_form": form, "reply_to": parent.pk} if parent else {"form": form}
    thread = entry_thread(request, logbook, entry, **bound)
    return entry_page(request, logbook, entry, thread=thread, status=400)


@login_required
@require_POST
def entry_comment(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, POST)
    entry = entry_or_404(logbook, entry_pk)
    return _posted(request, logbook, entry, CommentForm(request.POST))


@login_required
@require_POST
def entry_comment_reply(request, pk: int, entry_pk: int, comment_pk: int):
    logbook = logbook_or_404(request.user, pk, POST)
    entry = entry_or_404(logbook, entry_pk)
    parent = rules.answerable_or_404(entry, comment_pk)
    form = display.reply_form(request.POST, to=parent.pk)
    return _posted(request, logbook, entry, form, parent=parent)


def _own(request, pk: int, entry_pk: int, comment_pk: int):
    logbook = logbook_or_404(request.user, pk, POST)
    entry = entry_or_404(logbook, entry_pk)
    return logbook, entry, rules.comment_or_404(request.user, entry, comment_pk)


def _crumbs(logbook, entry) -> list[tuple[str, str]]:
    return [
        (reverse("logbook:landing"), _("Logbook")),
        (reverse("logbook:detail", args=[logbook.pk]), logbook.company.name),
        (_entry_url(logbook, entry), entry.title),
    ]


@login_required
@require_http_methods(["GET", "POST"])
def entry_comment_edit(request, pk: int, entry_pk: int, comment_pk: int):
    logbook, entry, comment = _own(request, pk, entry_pk, comment_pk)

    def edit(text: str):
        edited = services.comment_edit(comment=comment, by=request.user, text=text)
        log_access(request, logbook, Action.CHANGE, "comment", comment.pk)
        return edited

    return thread_views.comment_edit(
        request,
        comment,
        edit=edit,
        back_url=_entry_url(logbook, entry),
        crumbs=_crumbs(logbook, entry),
        extra={"nav_section": "logbook"},
        shown=lambda: log_access(request, logbook, Action.READ, "entry", entry.pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_comment_delete(request, pk: int, entry_pk: int, comment_pk: int):
    logbook, entry, comment = _own(request, pk, entry_pk, comment_pk)

    def delete():
        services.comment_delete(comment=comment, by=request.user)
        log_access(request, logbook, Action.DELETE, "comment", comment.pk)

    return thread_views.comment_delete(
        request,
        comment,
        delete=delete,
        back_url=_entry_url(logbook, entry),
        crumbs=_crumbs(logbook, entry),
        extra={"nav_section": "logbook"},
        shown=lambda: log_access(request, logbook, Action.READ, "entry", entry.pk),
    )
