"""Readiness checks, critical situations and change logics of a logbook.

The company's own people read and write; a consented advisor or researcher
reads only (each read is written to the access log); everybody else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bifrost.accounts.models import AccessLogEntry
from bifrost.core.submit import add_errors
from logbook import charts, readiness
from logbook import insights_selectors as selectors
from logbook import insights_services as services
from logbook.access import log_access, logbook_or_404
from logbook.forms_insights import ChangeLogicForm, CriticalSituationForm, ReadinessCheckForm
from logbook.models import CriticalSituation

READ = AccessLogEntry.Action.READ
WRITE_PERM = "logbook.write_logbook"


def _privacy_warnings(logbook, *texts: str) -> list[str]:
    """The privacy guard's warnings for the texts (never blocks a save)."""
    from logbook import privacy  # written alongside; imported late on purpose

    return privacy.warnings("\n".join(t for t in texts if t), logbook.staff_names)


def _warn(request, logbook, *texts: str) -> None:
    for warning in _privacy_warnings(logbook, *texts):
        messages.warning(request, warning)


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
        if form.is_valid():
            try:
                services.readiness_check_create(
                    logbook=logbook,
                    by=request.user,
                    taken_on=form.cleaned_data["taken_on"],
                    scores=form.scores(),
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The readiness check was saved."))
                _warn(request, logbook, form.cleaned_data["note"])
                return redirect("logbook:readiness", pk=logbook.pk)
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


def _situation_or_404(logbook, situation_pk: int) -> CriticalSituation:
    return get_object_or_404(CriticalSituation, logbook=logbook, pk=situation_pk)


def _situation_kwargs(form) -> dict:
    data = form.cleaned_data
    return {
        "occurred_on": data["occurred_on"],
        "trigger": data["trigger"],
        "what_happened": data["what_happened"],
        "what_supported": data["what_supported"],
    }


@login_required
def critical_situations(request, pk: int):
    logbook = logbook_or_404(request.user, pk)
    can_write = _writable(request, logbook)
    form = None
    if request.method == "POST":
        _require_write(request, logbook)
        form = CriticalSituationForm(request.POST)
        if form.is_valid():
            try:
                services.critical_situation_create(
                    logbook=logbook, by=request.user, **_situation_kwargs(form)
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The situation was saved."))
                _warn(
                    request,
                    logbook,
                    form.cleaned_data["what_happened"],
                    form.cleaned_data["what_supported"],
                )
                return redirect("logbook:critical_situations", pk=logbook.pk)
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
    situation = _situation_or_404(logbook, situation_pk)
    if request.method == "POST":
        form = CriticalSituationForm(request.POST)
        if form.is_valid():
            try:
                services.critical_situation_update(
                    situation=situation, by=request.user, **_situation_kwargs(form)
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The situation was saved."))
                _warn(
                    request,
                    logbook,
                    form.cleaned_data["what_happened"],
                    form.cleaned_data["what_supported"],
                )
                return redirect("logbook:critical_situations", pk=logbook.pk)
    else:
        form = CriticalSituationForm(
            initial={
                "occurred_on": situation.occurred_on,
                "trigger": situation.trigger,
                "what_happened": situation.what_happened,
                "what_supported": situation.what_supported,
            }
        )
    return render(
        request,
        "logbook/insights/critical_situation_edit.html",
        {"logbook": logbook, "situation": situation, "form": form},
    )


@login_required
def critical_situation_delete(request, pk: int, situation_pk: int):
    logbook = logbook_or_404(request.user, pk, WRITE_PERM)
    situation = _situation_or_404(logbook, situation_pk)
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
        },
    )


@login_required
def change_logic(request, pk: int, entry_pk: int):
    logbook = logbook_or_404(request.user, pk)
    entry = selectors.initiative_or_none(logbook, entry_pk)
    if entry is None:
        raise Http404
    can_write = _writable(request, logbook)
    form = None
    if request.method == "POST":
        _require_write(request, logbook)
        form = ChangeLogicForm(request.POST)
        if form.is_valid():
            try:
                services.change_logic_save(entry=entry, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The change logic was saved."))
                _warn(
                    request,
                    logbook,
                    form.cleaned_data["challenge_text"],
                    form.cleaned_data["expected_results"],
                    form.cleaned_data["knowledge_and_tools"],
                )
                return redirect("logbook:change_logic", pk=logbook.pk, entry_pk=entry.pk)
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
