"""Readiness checks, critical situations and change logics of a logbook.

The company's own people read and write; a consented advisor or researcher
reads only (each read is written to the access log); everybody else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import AccessLogEntry
from bifrost.core.submit import submit
from logbook.access.rules import logbook_or_404
from logbook.access.services import log_access
from logbook.entries import privacy
from logbook.insights import charts, readiness, selectors, services
from logbook.insights.forms import ChangeLogicForm, CriticalSituationForm, ReadinessCheckForm
from logbook.insights.rules import critical_situation_or_404, initiative_or_404

READ = AccessLogEntry.Action.READ
WRITE_PERM = "logbook.write_logbook"


def _warned(request, logbook, form, fields: tuple[str, ...], url: str):
    """After a save: the privacy guard's warnings about the saved texts, then `url`."""

    def redirect_to(_result) -> str:
        texts = "\n".join(t for t in (form.cleaned_data[name] for name in fields) if t)
        for warning in privacy.warnings(texts, logbook.staff_names):
            messages.warning(request, warning)
        return url

    return redirect_to


def _writable(request, logbook) -> bool:
    return request.user.has_perm(WRITE_PERM, logbook)


def _require_write(request, logbook) -> None:
    if not _writable(request, logbook):
        raise Http404


# --- Retention readiness -----------------------------------------------------------


@login_required
def readiness_page(request, pk: int):
    logbook = logbook_or_404(request.user, pk)
    can_write = _writable(request, logbook)
    form = None
    if request.method == "POST":
        _require_write(request, logbook)
        form = ReadinessCheckForm(request.POST)
        response = submit(
            request,
            form,
            lambda data: services.readiness_check_create(
                logbook=logbook,
                by=request.user,
                taken_on=data["taken_on"],
                scores=form.scores(),
                note=data["note"],
            ),
            success=_("The readiness check was saved."),
            redirect_to=_warned(
                request, logbook, form, ("note",), reverse("logbook:readiness", args=[pk])
            ),
        )
        if response is not None:
            return response
    else:
        log_access(request, logbook, READ, "readiness")
        if can_write:
            form = ReadinessCheckForm()
    checks = selectors.readiness_history(logbook)
    return render(
        request,
        "logbook/insights/readiness.html",
        {
            "logbook": logbook,
            "can_write": can_write,
            "form": form,
            "checks": checks,
            "rows": selectors.readiness_rows(checks),
            "statements": [
                (key, label, readiness.SHORT_LABELS[key]) for key, label in readiness.STATEMENTS
            ],
            "chart": charts.readiness_chart_svg(checks, responsive=True),
            "schedule": readiness.schedule(
                checks[-1].taken_on if checks else None, timezone.localdate()
            ),
        },
    )


# --- Critical situations -----------------------------------------------------------

SITUATION_FIELDS = ("occurred_on", "trigger", "what_happened", "what_supported")
SITUATION_TEXTS = ("what_happened", "what_supported")


def _situation_kwargs(data) -> dict:
    return {name: data[name] for name in SITUATION_FIELDS}


def _submit_situation(request, logbook, form, save):
    """Save a critical situation (new or changed): back to the list, warned about names."""
    return submit(
        request,
        form,
        save,
        success=_("The situation was saved."),
        redirect_to=_warned(
            request,
            logbook,
            form,
            SITUATION_TEXTS,
            reverse("logbook:critical_situations", args=[logbook.pk]),
        ),
    )


@login_required
def critical_situations(request, pk: int):
    logbook = logbook_or_404(request.user, pk)
    can_write = _writable(request, logbook)
    form = None
    if request.method == "POST":
        _require_write(request, logbook)
        form = CriticalSituationForm(request.POST)
        response = _submit_situation(
            request,
            logbook,
            form,
            lambda data: services.critical_situation_create(
                logbook=logbook, by=request.user, **_situation_kwargs(data)
            ),
        )
        if response is not None:
            return response
    else:
        log_access(request, logbook, READ, "critical_situation")
        if can_write:
            form = CriticalSituationForm()
    return render(
        request,
        "logbook/insights/critical_situations.html",
        {
            "logbook": logbook,
            "can_write": can_write,
            "form": form,
            "situations": selectors.critical_situations(logbook),
        },
    )


@login_required
def critical_situation_edit(request, pk: int, situation_pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE_PERM)
    situation = critical_situation_or_404(logbook, situation_pk)
    if request.method == "POST":
        form = CriticalSituationForm(request.POST)
        response = _submit_situation(
            request,
            logbook,
            form,
            lambda data: services.critical_situation_update(
                situation=situation, by=request.user, **_situation_kwargs(data)
            ),
        )
        if response is not None:
            return response
    else:
        form = CriticalSituationForm(
            initial={name: getattr(situation, name) for name in SITUATION_FIELDS}
        )
    return render(
        request,
        "logbook/insights/critical_situation_edit.html",
        {"logbook": logbook, "situation": situation, "form": form},
    )


@login_required
def critical_situation_delete(request, pk: int, situation_pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE_PERM)
    situation = critical_situation_or_404(logbook, situation_pk)
    if request.method == "POST":
        services.critical_situation_delete(situation=situation, by=request.user)
        messages.success(request, _("The situation was deleted."))
        return redirect("logbook:critical_situations", pk=logbook.pk)
    return render(
        request,
        "logbook/insights/critical_situation_delete.html",
        {"logbook": logbook, "situation": situation},
    )


# --- Change logic ------------------------------------------------------------------

CHANGE_LOGIC_TEXTS = ("challenge_text", "expected_results", "knowledge_and_tools")


@login_required
def change_logics(request, pk: int):
    logbook = logbook_or_404(request.user, pk)
    log_access(request, logbook, READ, "change_logic")
    return render(
        request,
        "logbook/insights/change_logics.html",
        {
            "logbook": logbook,
            "can_write": _writable(request, logbook),
            "initiatives": selectors.initiatives(logbook),
            "can_draft_case_page": request.user.has_perm("logbook.draft_case_page", logbook),
        },
    )


@login_required
def change_logic(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk)
    entry = initiative_or_404(logbook, entry_pk)
    can_write = _writable(request, logbook)
    form = None
    if request.method == "POST":
        _require_write(request, logbook)
        form = ChangeLogicForm(request.POST)
        response = submit(
            request,
            form,
            lambda data: services.change_logic_save(entry=entry, by=request.user, **data),
            success=_("The change logic was saved."),
            redirect_to=_warned(
                request,
                logbook,
                form,
                CHANGE_LOGIC_TEXTS,
                reverse("logbook:change_logic", args=[pk, entry.pk]),
            ),
        )
        if response is not None:
            return response
    else:
        log_access(request, logbook, READ, "change_logic", entry.pk)
        if can_write:
            form = ChangeLogicForm(initial=selectors.change_logic_initial(entry, logbook))
    return render(
        request,
        "logbook/insights/change_logic.html",
        {
            "logbook": logbook,
            "entry": entry,
            "flow": selectors.change_logic_flow(entry, logbook),
            "can_write": can_write,
            "form": form,
        },
    )
