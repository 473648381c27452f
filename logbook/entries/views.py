"""Entry pages: write and edit (with autosaved drafts and conflicts), read (with
the entry's thread of comments, logbook/comments/), the history of versions,
deletion and undo.

Every view finds the logbook with `logbook_or_404` (404 for anyone without
access). Reads by people outside the company go to the access log; writing is
only for the company's own people, whom the log skips.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.accounts.models import AccessLogEntry
from bifrost.core.access import paginate
from bifrost.core.submit import submit
from knowledge.rendering import render_markdown
from logbook.access.rules import logbook_or_404
from logbook.access.services import log_access
from logbook.comments.threads import entry_thread
from logbook.entries import forms, privacy, selectors, services
from logbook.entries.rules import deleted_entry_or_404, entry_or_404, version_or_404
from logbook.logbooks.views import page_context
from logbook.models import Entry

Action = AccessLogEntry.Action
WRITE = "logbook.write_logbook"


def _warn(request, form, logbook) -> None:
    for warning in privacy.warnings(form.text_for_privacy_check(), logbook.staff_names):
        messages.warning(request, warning)


def _draft_notice(draft, entry) -> dict:
    """The person's autosaved draft of this form (already read), offered for restoring."""
    if draft is None:
        return {}
    stale = entry is not None and draft.base_version not in (None, entry.version)
    return {"draft": draft, "draft_is_stale": stale}


def _saved(request, form, logbook):
    """After a save: the privacy guard's warnings, then the entry's page."""

    def redirect_to(entry: Entry) -> str:
        _warn(request, form, logbook)
        return reverse("logbook:entry_detail", args=[logbook.pk, entry.pk])

    return redirect_to


def _entry_form(request, logbook, form, entry, extra):
    return render(
        request,
        "logbook/entries/entry_form.html",
        page_context(request, logbook, form=form, entry=entry, **extra),
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request, pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    extra = {}
    if request.method == "POST":
        form = forms.EntryForm(request.POST, logbook=logbook)
        response = submit(
            request,
            form,
            lambda data: services.entry_create(
                logbook=logbook, by=request.user, data=form.entry_data()
            ),
            success=_("The entry was saved."),
            redirect_to=_saved(request, form, logbook),
        )
        if response is not None:
            return response
        return _entry_form(request, logbook, form, None, extra)
    draft = selectors.draft(logbook=logbook, entry=None, user=request.user)
    if draft is not None and request.GET.get("draft") == "restore":
        form = forms.EntryForm(initial=forms.initial_from_draft(draft.data), logbook=logbook)
        extra["restored"] = True
    else:
        form = forms.EntryForm(logbook=logbook)
        extra = _draft_notice(draft, None)
    return _entry_form(request, logbook, form, None, extra)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    entry = entry_or_404(logbook, entry_pk)
    extra = {}
    if request.method == "POST":
        form = forms.EntryForm(request.POST, logbook=logbook)
        try:
            response = submit(
                request,
                form,
                lambda data: services.entry_update(
                    entry=entry,
                    by=request.user,
                    data=form.entry_data(),
                    base_version=data.get("version") or 0,
                ),
                success=_("The entry was saved."),
                redirect_to=_saved(request, form, logbook),
            )
        except services.EntryConflict as conflict:
            return _conflict(request, logbook, conflict.entry)
        if response is not None:
            return response
        return _entry_form(request, logbook, form, entry, extra)
    draft = selectors.draft(logbook=logbook, entry=entry, user=request.user)
    if draft is not None and request.GET.get("draft") == "restore":
        initial = forms.initial_from_draft(draft.data)
        initial["version"] = draft.base_version or entry.version
        form = forms.EntryForm(initial=initial, logbook=logbook)
        extra["restored"] = True
    else:
        form = forms.EntryForm(initial=forms.initial_from_entry(entry), logbook=logbook)
        extra = _draft_notice(draft, entry)
    return _entry_form(request, logbook, form, entry, extra)


def _conflict(request, logbook, current: Entry):
    """Someone saved since this person opened the form: show both texts, lose nothing.

    The form keeps the person's text and now carries the current version, so
    submitting it again saves their text as a new version on top.
    """
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = forms.EntryForm(data, logbook=logbook)
    form.is_valid()
    current = selectors.entry(logbook, current.pk)
    return render(
        request,
        "logbook/entries/entry_conflict.html",
        page_context(
            request,
            logbook,
            form=form,
            entry=current,
            current_html=render_markdown(current.body),
            mine_html=render_markdown(request.POST.get("body", "")),
        ),
        status=409,
    )


def entry_page(request, logbook, entry, *, thread=None, status=200):
    """The entry's page with its thread (`thread`: one with a bound form's errors)."""
    return render(
        request,
        "logbook/entries/entry_detail.html",
        page_context(
            request,
            logbook,
            entry=entry,
            body_html=render_markdown(entry.body),
            thread=thread or entry_thread(request, logbook, entry),
        ),
        status=status,
    )


@login_required
def entry_detail(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk)
    entry = entry_or_404(logbook, entry_pk)
    log_access(request, logbook, Action.READ, "entry", entry.pk)
    return entry_page(request, logbook, entry)


def _draft_entry(logbook, form: forms.DraftForm) -> Entry | None:
    """The entry a draft belongs to (the form's "entry" field), or None for a new one.
    An id that is not a number of ours is no entry of this logbook: 404."""
    if form.has_error("entry"):
        raise Http404
    entry_id = form.cleaned_data.get("entry")
    return entry_or_404(logbook, entry_id) if entry_id else None


@login_required
@require_POST
def entry_autosave(request, pk: int):
    """Store the form's content as the person's draft; answer with the status and warnings.
    A draft that cannot be stored is a 400 whose status says why."""
    logbook = logbook_or_404(request.user, pk, WRITE)
    draft_form = forms.DraftForm(request.POST)
    valid = draft_form.is_valid()
    entry = _draft_entry(logbook, draft_form)
    if not valid:
        status = " ".join(draft_form.non_field_errors()) or _(
            "The draft was not saved. Reload the page and try again."
        )
        return JsonResponse({"status": status, "warnings": []}, status=400)
    version = draft_form.cleaned_data["version"]
    base_version = version if version is not None else (entry.version if entry else None)
    draft = services.draft_save(
        logbook=logbook,
        entry=entry,
        user=request.user,
        data=forms.draft_data_from_post(request.POST),
        base_version=base_version if entry else None,
    )
    form = forms.EntryForm(request.POST, logbook=logbook)
    saved_at = time_format(timezone.localtime(draft.updated_at), "H:i")
    return JsonResponse(
        {
            "status": _("Draft saved at %(time)s") % {"time": saved_at},
            "warnings": privacy.warnings(form.text_for_privacy_check(), logbook.staff_names),
        }
    )


#: The most text the live check reads (the longest field is 20,000 characters).
CHECK_MAX_CHARS = 20000


@login_required
@require_POST
def privacy_check(request, pk: int):
    """The privacy guard's warnings about one field's text, for the warnings shown while
    typing (`static/js/privacy-guard.js`). Only for the company's own people (who write
    the logbook), so a staff list is never matched for anyone else. The text comes in
    the POST body, never the URL, and is neither stored nor logged."""
    logbook = logbook_or_404(request.user, pk, WRITE)
    text = str(request.POST.get("text", ""))[:CHECK_MAX_CHARS]
    response = JsonResponse(
        {
            "warnings": privacy.warnings(text, logbook.staff_names),
            "cpr": privacy.contains_cpr(text),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def entry_draft_discard(request, pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    draft_form = forms.DraftForm(request.POST)
    draft_form.is_valid()  # only the entry is read; the content is thrown away
    entry = _draft_entry(logbook, draft_form)
    services.draft_discard(logbook=logbook, entry=entry, user=request.user)
    messages.info(request, _("The draft was discarded."))
    if entry is None:
        return redirect("logbook:entry_create", pk=logbook.pk)
    return redirect("logbook:entry_edit", pk=logbook.pk, entry_pk=entry.pk)


@login_required
def entry_history(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk)
    entry = entry_or_404(logbook, entry_pk)
    log_access(request, logbook, Action.READ, "entry_history", entry.pk)
    return render(
        request,
        "logbook/entries/entry_history.html",
        page_context(request, logbook, entry=entry, versions=list(selectors.versions(entry))),
    )


@login_required
def entry_version(request, pk: int, entry_pk: int, number: int):
    logbook = logbook_or_404(request.user, pk)
    entry = entry_or_404(logbook, entry_pk)
    version = version_or_404(entry, number)
    log_access(request, logbook, Action.READ, "entry_version", entry.pk)
    shown = selectors.data_from_snapshot(version.data, logbook=logbook)
    return render(
        request,
        "logbook/entries/entry_version.html",
        page_context(
            request,
            logbook,
            entry=entry,
            version=version,
            shown=shown,
            kind_label=Entry.Kind(shown.kind).label if shown.kind in Entry.Kind.values else "",
            body_html=render_markdown(shown.body),
        ),
    )


@login_required
@require_POST
def entry_version_restore(request, pk: int, entry_pk: int, number: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    entry = entry_or_404(logbook, entry_pk)
    version = version_or_404(entry, number)
    try:
        services.entry_restore_version(entry=entry, version=version, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("logbook:entry_version", pk=logbook.pk, entry_pk=entry.pk, number=number)
    messages.success(
        request,
        _("Version %(number)s was restored and saved as a new version.") % {"number": number},
    )
    return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=entry.pk)


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    entry = entry_or_404(logbook, entry_pk)
    if request.method == "POST":
        services.entry_delete(entry=entry, by=request.user)
        messages.success(
            request,
            # The page's own title is put in, so the message and the link name it alike.
            _("The entry was deleted. You can bring it back from “%(place)s” for 30 days.")
            % {"place": _("Recently deleted")},
        )
        return redirect("logbook:detail", pk=logbook.pk)
    return render(
        request,
        "logbook/entries/entry_delete_confirm.html",
        page_context(request, logbook, entry=entry),
    )


@login_required
def entries_deleted(request, pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    return render(
        request,
        "logbook/entries/entries_deleted.html",
        page_context(request, logbook, page=paginate(request, selectors.recently_deleted(logbook))),
    )


@login_required
@require_POST
def entry_undelete(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE)
    entry = deleted_entry_or_404(logbook, entry_pk)
    try:
        services.entry_undelete(entry=entry, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("logbook:entries_deleted", pk=logbook.pk)
    messages.success(request, _("The entry is back in the logbook."))
    return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=entry.pk)
