"""Logbook pages. Every view finds the logbook with ``logbook_or_404`` (404 for anyone
without access) and records reads and changes by people outside the company with
``log_access``."""

import csv
import datetime
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.accounts.models import AccessLogEntry, Role
from bifrost.accounts.selectors import roles_of
from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import add_errors
from knowledge.rendering import render_markdown
from logbook import forms, privacy, selectors, services
from logbook.access import log_access, logbook_or_404
from logbook.models import Entry, EntryVersion

Action = AccessLogEntry.Action
ENTRIES_PER_PAGE = 20
ROLE_LABELS = dict(Role.choices)


def _entry_or_404(logbook, entry_pk: int) -> Entry:
    entry = selectors.entry(logbook, entry_pk)
    if entry is None:
        raise Http404
    return entry


def _context(request, logbook, **extra) -> dict:
    context = {
        "logbook": logbook,
        "nav_section": "logbook",
        "is_member": request.user.has_perm("logbook.write_logbook", logbook),
    }
    context.update(extra)
    return context


@login_required
def landing(request):
    require_perm(request.user, "logbook.view_landing")
    roles = roles_of(request.user)
    missing = selectors.missing_owner_logbooks(request.user)
    if missing:
        services.logbooks_create(pairs=missing)
    context = {
        "nav_section": "logbook",
        "company_logbooks": list(selectors.company_logbooks(request.user)),
        "show_company": Role.SMV_OWNER in roles,
        "show_advisor": Role.ADVISOR in roles,
        "show_researcher": Role.FACILITATOR in roles,
    }
    if context["show_advisor"]:
        context["advisor_logbooks"] = list(selectors.advisor_logbooks(request.user))
    if context["show_researcher"]:
        shared = list(selectors.researcher_logbooks())
        context["researcher_groups"] = [
            (programme, list(items))
            for programme, items in groupby(shared, key=lambda lb: lb.programme)
        ]
    return render(request, "logbook/landing.html", context)


@login_required
def detail(request, pk: int):
    logbook = logbook_or_404(request.user, pk)
    meetings = selectors.meetings(logbook)
    filters = forms.FilterForm(request.GET or None, meetings=meetings)
    kind, meeting_id, query = "", None, ""
    if filters.is_bound and filters.is_valid():
        kind = filters.cleaned_data["kind"]
        meeting = filters.cleaned_data["meeting"]
        meeting_id = meeting.pk if meeting else None
        query = filters.cleaned_data["q"].strip()
    page = paginate(
        request,
        selectors.entries(logbook, kind=kind, meeting_id=meeting_id, query=query),
        ENTRIES_PER_PAGE,
    )
    if query:
        log_access(request, logbook, Action.SEARCH, "logbook", logbook.pk)
    else:
        log_access(request, logbook, Action.READ, "logbook", logbook.pk)
    return render(
        request,
        "logbook/detail.html",
        _context(
            request,
            logbook,
            page=page,
            filters=filters,
            filtering=bool(kind or meeting_id or query),
            advisor=selectors.advisor_of(logbook),
        ),
    )


def _warn(request, form, logbook) -> None:
    for warning in privacy.warnings(form.text_for_privacy_check(), logbook.staff_names):
        messages.warning(request, warning)


def _draft_notice(request, logbook, entry) -> dict:
    """The person's autosaved draft of this form, offered for restoring."""
    draft = selectors.draft(logbook=logbook, entry=entry, user=request.user)
    if draft is None:
        return {}
    stale = entry is not None and draft.base_version not in (None, entry.version)
    return {"draft": draft, "draft_is_stale": stale}


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request, pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    extra = {}
    if request.method == "POST":
        form = forms.EntryForm(request.POST, logbook=logbook)
        if form.is_valid():
            try:
                entry = services.entry_create(
                    logbook=logbook, by=request.user, data=form.entry_data()
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                log_access(request, logbook, Action.CHANGE, "entry", entry.pk)
                messages.success(request, _("The entry was saved."))
                _warn(request, form, logbook)
                return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=entry.pk)
    else:
        draft = selectors.draft(logbook=logbook, entry=None, user=request.user)
        if draft is not None and request.GET.get("draft") == "restore":
            form = forms.EntryForm(initial=forms.initial_from_draft(draft.data), logbook=logbook)
            extra["restored"] = True
        else:
            form = forms.EntryForm(logbook=logbook)
            extra = _draft_notice(request, logbook, None)
    return render(
        request,
        "logbook/entry_form.html",
        _context(request, logbook, form=form, entry=None, **extra),
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    entry = _entry_or_404(logbook, entry_pk)
    extra = {}
    if request.method == "POST":
        form = forms.EntryForm(request.POST, logbook=logbook)
        if form.is_valid():
            base_version = form.cleaned_data.get("version") or 0
            try:
                saved = services.entry_update(
                    entry=entry, by=request.user, data=form.entry_data(), base_version=base_version
                )
            except services.EntryConflict as conflict:
                return _conflict(request, logbook, form, conflict.entry)
            except ValidationError as error:
                add_errors(form, error)
            else:
                log_access(request, logbook, Action.CHANGE, "entry", saved.pk)
                messages.success(request, _("The entry was saved."))
                _warn(request, form, logbook)
                return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=saved.pk)
    else:
        draft = selectors.draft(logbook=logbook, entry=entry, user=request.user)
        if draft is not None and request.GET.get("draft") == "restore":
            initial = forms.initial_from_draft(draft.data)
            initial["version"] = draft.base_version or entry.version
            form = forms.EntryForm(initial=initial, logbook=logbook)
            extra["restored"] = True
        else:
            form = forms.EntryForm(initial=forms.initial_from_entry(entry), logbook=logbook)
            extra = _draft_notice(request, logbook, entry)
    return render(
        request,
        "logbook/entry_form.html",
        _context(request, logbook, form=form, entry=entry, **extra),
    )


def _conflict(request, logbook, form, current: Entry):
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
        "logbook/entry_conflict.html",
        _context(
            request,
            logbook,
            form=form,
            entry=current,
            current_html=render_markdown(current.body),
            mine_html=render_markdown(request.POST.get("body", "")),
        ),
        status=409,
    )


@login_required
def entry_detail(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk)
    entry = _entry_or_404(logbook, entry_pk)
    log_access(request, logbook, Action.READ, "entry", entry.pk)
    can_comment = request.user.has_perm("logbook.comment_entry", logbook)
    return render(
        request,
        "logbook/entry_detail.html",
        _context(
            request,
            logbook,
            entry=entry,
            body_html=render_markdown(entry.body),
            comment_form=forms.CommentForm() if can_comment else None,
        ),
    )


@login_required
@require_POST
def entry_comment(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.comment_entry")
    entry = _entry_or_404(logbook, entry_pk)
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(entry=entry, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            log_access(request, logbook, Action.COMMENT, "entry", entry.pk)
            messages.success(request, _("Your comment was added."))
            return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=entry.pk)
    log_access(request, logbook, Action.READ, "entry", entry.pk)
    return render(
        request,
        "logbook/entry_detail.html",
        _context(
            request,
            logbook,
            entry=entry,
            body_html=render_markdown(entry.body),
            comment_form=form,
        ),
        status=400,
    )


@login_required
@require_POST
def entry_autosave(request, pk: int):
    """Store the form's content as the person's draft; answer with the status and warnings."""
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    entry = None
    entry_id = request.POST.get("entry", "")
    if entry_id:
        if not entry_id.isdigit():
            raise Http404
        entry = _entry_or_404(logbook, int(entry_id))
    version = request.POST.get("version", "")
    base_version = int(version) if version.isdigit() else (entry.version if entry else None)
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


@login_required
@require_POST
def entry_draft_discard(request, pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    entry = None
    entry_id = request.POST.get("entry", "")
    if entry_id:
        if not entry_id.isdigit():
            raise Http404
        entry = _entry_or_404(logbook, int(entry_id))
    services.draft_discard(logbook=logbook, entry=entry, user=request.user)
    messages.info(request, _("The draft was discarded."))
    if entry is None:
        return redirect("logbook:entry_create", pk=logbook.pk)
    return redirect("logbook:entry_edit", pk=logbook.pk, entry_pk=entry.pk)


@login_required
def entry_history(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk)
    entry = _entry_or_404(logbook, entry_pk)
    log_access(request, logbook, Action.READ, "entry_history", entry.pk)
    return render(
        request,
        "logbook/entry_history.html",
        _context(request, logbook, entry=entry, versions=list(selectors.versions(entry))),
    )


def _version_or_404(entry: Entry, number: int) -> EntryVersion:
    version = selectors.versions(entry).filter(number=number).first()
    if version is None:
        raise Http404
    return version


@login_required
def entry_version(request, pk: int, entry_pk: int, number: int):
    logbook = logbook_or_404(request.user, pk)
    entry = _entry_or_404(logbook, entry_pk)
    version = _version_or_404(entry, number)
    log_access(request, logbook, Action.READ, "entry_version", entry.pk)
    shown = services.data_from_snapshot(version.data, logbook=logbook)
    return render(
        request,
        "logbook/entry_version.html",
        _context(
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
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    entry = _entry_or_404(logbook, entry_pk)
    version = _version_or_404(entry, number)
    try:
        services.entry_restore_version(entry=entry, version=version, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("logbook:entry_version", pk=logbook.pk, entry_pk=entry.pk, number=number)
    log_access(request, logbook, Action.CHANGE, "entry", entry.pk)
    messages.success(
        request,
        _("Version %(number)s was restored and saved as a new version.") % {"number": number},
    )
    return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=entry.pk)


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    entry = _entry_or_404(logbook, entry_pk)
    if request.method == "POST":
        services.entry_delete(entry=entry, by=request.user)
        log_access(request, logbook, Action.DELETE, "entry", entry.pk)
        messages.success(
            request,
            _("The entry was deleted. You can bring it back from “Recently deleted” for 30 days."),
        )
        return redirect("logbook:detail", pk=logbook.pk)
    return render(
        request, "logbook/entry_delete_confirm.html", _context(request, logbook, entry=entry)
    )


@login_required
def entries_deleted(request, pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    return render(
        request,
        "logbook/entries_deleted.html",
        _context(request, logbook, page=paginate(request, selectors.recently_deleted(logbook))),
    )


@login_required
@require_POST
def entry_undelete(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.write_logbook")
    entry = selectors.recently_deleted(logbook).filter(pk=entry_pk).first()
    if entry is None:
        raise Http404
    try:
        services.entry_undelete(entry=entry, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("logbook:entries_deleted", pk=logbook.pk)
    log_access(request, logbook, Action.CHANGE, "entry", entry.pk)
    messages.success(request, _("The entry is back in the logbook."))
    return redirect("logbook:entry_detail", pk=logbook.pk, entry_pk=entry.pk)


@login_required
@require_http_methods(["GET", "POST"])
def consent(request, pk: int):
    """Consent (who may read) and settings (staff list, reminders) for the company."""
    logbook = logbook_or_404(request.user, pk, "logbook.manage_consent")
    consent_form = forms.ConsentForm(
        initial={
            "share_with_advisor": logbook.share_with_advisor,
            "share_with_researchers": logbook.share_with_researchers,
        },
        prefix="consent",
    )
    settings_form = forms.SettingsForm(
        initial={
            "staff_names": logbook.staff_names,
            "reminders_enabled": logbook.reminders_enabled,
        },
        prefix="settings",
    )
    if request.method == "POST":
        if "consent-submit" in request.POST:
            consent_form = forms.ConsentForm(request.POST, prefix="consent")
            if consent_form.is_valid():
                services.consent_update(
                    logbook=logbook, by=request.user, **consent_form.cleaned_data
                )
                messages.success(request, _("Your choice was saved and applies at once."))
                return redirect("logbook:consent", pk=logbook.pk)
        else:
            settings_form = forms.SettingsForm(request.POST, prefix="settings")
            if settings_form.is_valid():
                try:
                    services.settings_update(
                        logbook=logbook, by=request.user, **settings_form.cleaned_data
                    )
                except ValidationError as error:
                    add_errors(settings_form, error)
                else:
                    messages.success(request, _("The settings were saved."))
                    return redirect("logbook:consent", pk=logbook.pk)
    return render(
        request,
        "logbook/consent.html",
        _context(
            request,
            logbook,
            consent_form=consent_form,
            settings_form=settings_form,
            advisor=selectors.advisor_of(logbook),
        ),
    )


@login_required
def access_log(request, pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.view_access_log")
    page = paginate(request, selectors.access_log(logbook), 50)
    for row in page.object_list:
        row.role_label = ROLE_LABELS.get(row.role, row.role)
    return render(request, "logbook/access_log.html", _context(request, logbook, page=page))


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from reading a cell as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@login_required
def access_log_csv(request, pk: int):
    logbook = logbook_or_404(request.user, pk, "logbook.view_access_log")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
    writer = csv.writer(response)
    writer.writerow(
        [
            _("When (UTC)"),
            _("When (Copenhagen)"),
            _("Who"),
            _("Role"),
            _("What"),
            _("Object"),
            _("Object id"),
            _("From where"),
        ]
    )
    for row in selectors.access_log(logbook).iterator(chunk_size=500):
        writer.writerow(
            [
                row.created_at.astimezone(datetime.UTC).isoformat(timespec="seconds"),
                timezone.localtime(row.created_at).isoformat(timespec="seconds"),
                _csv_safe(row.user_label),
                ROLE_LABELS.get(row.role, row.role),
                row.get_action_display(),
                row.object_kind,
                row.object_id or "",
                row.ip_address or "",
            ]
        )
    return response
