"""Case pages: the shared case page, advisor notes and the case dashboards.

Views parse and check permissions; writes go through case_services, reads through
case_selectors. Anyone without access gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import add_errors
from matching import case_selectors as selectors
from matching import case_services as services
from matching.forms_cases import (
    CaseMeetingForm,
    DashboardFilterForm,
    GoalForm,
    GoalStatusForm,
    MeetingInputForm,
    NoteForm,
    PhaseForm,
    TaskForm,
)
from matching.models import AdvisorNote, Case
from programme.models import Programme

PER_PAGE = 25


def _case_or_404(request, pk: int, perm: str = "matching.view_case") -> Case:
    case = selectors.case_or_none(pk)
    if case is None:
        raise Http404
    require_perm(request.user, "matching.view_case", case)
    if perm != "matching.view_case":
        require_perm(request.user, perm, case)
    return case


def _child_or_404(queryset, pk: int):
    item = queryset.filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def _to_case(case: Case, anchor: str = ""):
    url = reverse("matching:case_detail", kwargs={"pk": case.pk})
    return redirect(f"{url}#{anchor}" if anchor else url)


def _back_link(user, case: Case) -> tuple[str, str]:
    if case.advisor_id == user.pk:
        return reverse("matching:case_dashboard"), _("My cases")
    if user.has_perm("matching.view_programme_cases"):
        return (
            reverse("matching:programme_cases", kwargs={"pk": case.programme_id}),
            _("Cases in %(programme)s") % {"programme": case.programme.name},
        )
    return reverse("matching:landing"), _("Matching")


def _render_case(request, case: Case, *, status: int = 200, **bound_forms):
    """The case page; `bound_forms` replace the blank forms (kept input and errors)."""
    user = request.user
    can_work = user.has_perm("matching.work_on_case", case)
    can_note = user.has_perm("matching.add_advisor_note", case)
    with_notes = user.has_perm("matching.view_case_notes", case)
    data = selectors.case_page(case, user=user, with_notes=with_notes)
    owners = selectors.task_owners(case)
    context = {"case": case, "page": data, "can_work": can_work, "can_note": can_note}
    context["show_notes"] = with_notes
    context["back_url"], context["back_label"] = _back_link(user, case)
    if can_work:
        context.update(
            phase_form=bound_forms.get("phase_form") or PhaseForm(case=case),
            goal_form=bound_forms.get("goal_form") or GoalForm(),
            meeting_form=bound_forms.get("meeting_form") or CaseMeetingForm(),
            task_form=bound_forms.get("task_form") or TaskForm(owners=owners),
            goal_status_choices=GoalStatusForm.base_fields["status"].choices,
        )
        if data.next_meeting is not None:
            initial = {"text": data.next_input.text} if data.next_input else None
            context["input_form"] = bound_forms.get("input_form") or MeetingInputForm(
                initial=initial
            )
    if can_note:
        context["note_form"] = bound_forms.get("note_form") or NoteForm()
    return render(request, "matching/cases/detail.html", context, status=status)


@login_required
@require_GET
def case_detail(request, pk: int):
    case = _case_or_404(request, pk)
    return _render_case(request, case)


# --- Phase -------------------------------------------------------------------------------


@login_required
@require_POST
def case_phase(request, pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    form = PhaseForm(request.POST, case=case)
    if form.is_valid():
        try:
            services.case_change_phase(
                case=case,
                phase=form.cleaned_data["phase"],
                started_on=form.cleaned_data["started_on"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The case is now in the phase “%(phase)s”.")
                % {"phase": case.get_phase_display()},
            )
            return _to_case(case, "phases")
    return _render_case(request, case, phase_form=form)


# --- Goals -------------------------------------------------------------------------------


@login_required
@require_POST
def goal_add(request, pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            services.goal_create(case=case, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The goal was added."))
            return _to_case(case, "goals")
    return _render_case(request, case, goal_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk: int, goal_pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    goal = _child_or_404(case.goals.all(), goal_pk)
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_update(goal=goal, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The goal was saved."))
            return _to_case(case, "goals")
    return render(
        request,
        "matching/cases/item_form.html",
        {"case": case, "form": form, "title": _("Edit goal"), "anchor": "goals"},
    )


@login_required
@require_POST
def goal_status(request, pk: int, goal_pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    goal = _child_or_404(case.goals.all(), goal_pk)
    form = GoalStatusForm(request.POST)
    if form.is_valid():
        services.goal_set_status(goal=goal, by=request.user, status=form.cleaned_data["status"])
        messages.success(request, _("The goal's status was changed."))
    else:
        messages.error(request, _("Choose one of the statuses in the list."))
    return _to_case(case, "goals")


@login_required
@require_POST
def goal_move(request, pk: int, goal_pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    goal = _child_or_404(case.goals.all(), goal_pk)
    try:
        services.goal_move(goal=goal, by=request.user, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _to_case(case, "goals")


# --- Company meetings --------------------------------------------------------------------


@login_required
@require_POST
def meeting_add(request, pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    form = CaseMeetingForm(request.POST)
    if form.is_valid():
        try:
            services.case_meeting_create(case=case, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting was added."))
            return _to_case(case, "meetings")
    return _render_case(request, case, meeting_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int, meeting_pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    meeting = _child_or_404(case.meetings.all(), meeting_pk)
    form = CaseMeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting was saved."))
            return _to_case(case, "meetings")
    return render(
        request,
        "matching/cases/item_form.html",
        {"case": case, "form": form, "title": _("Edit meeting"), "anchor": "meetings"},
    )


# --- Tasks -------------------------------------------------------------------------------


@login_required
@require_POST
def task_add(request, pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    form = TaskForm(request.POST, owners=selectors.task_owners(case))
    if form.is_valid():
        try:
            services.task_create(case=case, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The task was added."))
            return _to_case(case, "tasks")
    return _render_case(request, case, task_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request, pk: int, task_pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    task = _child_or_404(case.tasks.all(), task_pk)
    form = TaskForm(request.POST or None, instance=task, owners=selectors.task_owners(case))
    if request.method == "POST" and form.is_valid():
        try:
            services.task_update(task=task, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The task was saved."))
            return _to_case(case, "tasks")
    return render(
        request,
        "matching/cases/item_form.html",
        {"case": case, "form": form, "title": _("Edit task"), "anchor": "tasks"},
    )


@login_required
@require_POST
def task_done(request, pk: int, task_pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    task = _child_or_404(case.tasks.all(), task_pk)
    done = request.POST.get("done") == "1"
    services.task_set_done(task=task, by=request.user, done=done)
    if done:
        messages.success(request, _("The task is marked as done."))
    else:
        messages.success(request, _("The task is open again."))
    return _to_case(case, "tasks")


# --- Input for the next development meeting ---------------------------------------------


@login_required
@require_POST
def input_save(request, pk: int):
    case = _case_or_404(request, pk, "matching.work_on_case")
    meeting = selectors.next_meeting(case.programme_id)
    if meeting is None:
        messages.error(request, _("There is no coming development meeting to prepare for."))
        return _to_case(case, "input")
    form = MeetingInputForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_input_save(
                case=case, meeting=meeting, by=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your input for the development meeting was saved."))
            return _to_case(case, "input")
    return _render_case(request, case, input_form=form)


# --- Advisor notes -----------------------------------------------------------------------


@login_required
@require_POST
def note_add(request, pk: int):
    case = _case_or_404(request, pk, "matching.add_advisor_note")
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.note_create(case=case, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your note was saved."))
            return _to_case(case, "notes")
    return _render_case(request, case, note_form=form)


def _note_or_404(request, pk: int, note_pk: int) -> AdvisorNote:
    note = (
        AdvisorNote.objects.select_related("case__company", "case__programme")
        .filter(pk=note_pk, case_id=pk)
        .first()
    )
    if note is None:
        raise Http404
    require_perm(request.user, "matching.change_advisor_note", note)
    return note


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, pk: int, note_pk: int):
    note = _note_or_404(request, pk, note_pk)
    form = NoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid():
        try:
            services.note_update(note=note, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your note was saved."))
            return _to_case(note.case, "notes")
    return render(
        request,
        "matching/cases/item_form.html",
        {"case": note.case, "form": form, "title": _("Edit note"), "anchor": "notes"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def note_delete(request, pk: int, note_pk: int):
    note = _note_or_404(request, pk, note_pk)
    if request.method == "POST":
        case = note.case
        services.note_delete(note=note, by=request.user)
        messages.success(request, _("The note was deleted."))
        return _to_case(case, "notes")
    return render(request, "matching/cases/note_delete_confirm.html", {"note": note})


# --- Dashboards --------------------------------------------------------------------------

COLUMN_LABELS = {
    "company": gettext_lazy("Company"),
    "advisor": gettext_lazy("Advisor"),
    "programme": gettext_lazy("Programme"),
    "phase": gettext_lazy("Phase"),
    "activity": gettext_lazy("Last activity"),
    "meeting": gettext_lazy("Next development meeting"),
    "open": gettext_lazy("Open tasks"),
    "overdue": gettext_lazy("Overdue tasks"),
}


def _headers(request, keys: list[str], sort_key: str, descending: bool) -> list[dict]:
    """Sort links for the table headers (keeping the filters, back to page 1)."""
    params = request.GET.copy()
    params.pop("page", None)
    headers = []
    for key in keys:
        is_current = key == sort_key
        # A click on the current column turns the order around; a new column starts
        # ascending, except dates and counts, where the largest is the interesting end.
        if is_current:
            next_sort = key if descending else f"-{key}"
        else:
            next_sort = f"-{key}" if key in ("activity", "open", "overdue") else key
        params["sort"] = next_sort
        headers.append(
            {
                "key": key,
                "label": COLUMN_LABELS[key],
                "url": "?" + urlencode(sorted(params.lists()), doseq=True),
                "aria_sort": ("descending" if descending else "ascending") if is_current else "",
            }
        )
    return headers


def _table_context(request, base, *, keys: list[str], programmes=None) -> dict:
    form = DashboardFilterForm(request.GET or None, programmes=programmes)
    filters = form.filters()
    sort_key, descending = selectors.parse_sort(request.GET.get("sort"))
    cases = selectors.dashboard_cases(
        base, sort=f"-{sort_key}" if descending else sort_key, **filters
    )
    page = paginate(request, cases, PER_PAGE)
    rows = list(page.object_list)
    extras = selectors.extra_columns(rows)
    return {
        "filter_form": form,
        "page_obj": page,
        "rows": rows,
        "headers": _headers(request, keys, sort_key, descending),
        "extra_columns": extras,
        "sort": f"-{sort_key}" if descending else sort_key,
        "is_filtered": any(v for v in filters.values()),
    }


@login_required
@require_GET
def case_dashboard(request):
    require_perm(request.user, "matching.view_case_dashboard")
    programmes = selectors.advisor_programmes(request.user)
    context = _table_context(
        request,
        Case.objects.filter(advisor=request.user),
        keys=["company", "programme", "phase", "activity", "meeting", "open", "overdue"],
        programmes=programmes,
    )
    context["shared_notes"] = selectors.shared_notes_for_colleague(request.user)
    return render(request, "matching/cases/dashboard.html", context)


@login_required
@require_GET
def programme_cases(request, pk: int):
    require_perm(request.user, "matching.view_programme_cases")
    programme = Programme.objects.filter(pk=pk).first()
    if programme is None:
        raise Http404
    context = _table_context(
        request,
        Case.objects.filter(programme=programme),
        keys=["company", "advisor", "phase", "activity", "meeting", "open", "overdue"],
    )
    context["programme"] = programme
    return render(request, "matching/cases/programme_cases.html", context)
