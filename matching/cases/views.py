"""Case pages: the shared case page, advisor notes and the case dashboards.

Views parse and respond; writes go through `matching.cases.services`, reads
through `matching.cases.selectors`, access through `matching.cases.rules`.
Anyone without access gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bifrost.core.access import paginate, require_perm
from bifrost.core.submit import submit
from matching.cases import dashboard, links, rules, selectors, services, table
from matching.cases.forms import (
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
from matching.profiles.rules import programme_or_404

PER_PAGE = 25
WORK = "matching.work_on_case"


def _case_url(case: Case, anchor: str = "") -> str:
    url = reverse("matching:case_detail", kwargs={"pk": case.pk})
    return f"{url}#{anchor}" if anchor else url


def _back_link(user, case: Case) -> tuple[str, str]:
    if case.advisor_id == user.pk:
        return reverse("matching:case_dashboard"), _("My cases")
    if user.has_perm("matching.view_programme_cases"):
        return (
            reverse("matching:programme_cases", kwargs={"pk": case.programme_id}),
            _("Cases in %(programme)s") % {"programme": case.programme.name},
        )
    # Otherwise a member of the company: its navigation calls the landing "Our advisor".
    return reverse("matching:landing"), _("Our advisor")


def _render_case(request, case: Case, *, status: int = 200, **bound_forms):
    """The case page; `bound_forms` replace the blank forms (kept input and errors)."""
    user = request.user
    can_work = user.has_perm(WORK, case)
    can_note = user.has_perm("matching.add_advisor_note", case)
    with_notes = user.has_perm("matching.view_case_notes", case)
    notes = rules.notes_authored(user, case.advisor_notes.all()) if with_notes else None
    data = selectors.case_page(case, notes=notes)
    context = {"case": case, "page": data, "can_work": can_work, "can_note": can_note}
    context["show_notes"] = with_notes
    context["back_url"], context["back_label"] = _back_link(user, case)
    context["case_links"] = links.links_for(user, case)
    if can_work:
        context.update(
            phase_form=bound_forms.get("phase_form") or PhaseForm(case=case),
            goal_form=bound_forms.get("goal_form") or GoalForm(),
            meeting_form=bound_forms.get("meeting_form") or CaseMeetingForm(),
            task_form=bound_forms.get("task_form") or TaskForm(owners=selectors.task_owners(case)),
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


def _render_item_form(request, case: Case, form, *, title: str, anchor: str):
    return render(
        request,
        "matching/cases/item_form.html",
        {"case": case, "form": form, "title": title, "anchor": anchor},
    )


@login_required
@require_GET
def case_detail(request, pk: int):
    case = rules.case_or_404(request.user, pk)
    return _render_case(request, case)


# --- Phase -------------------------------------------------------------------------------


@login_required
@require_POST
def case_phase(request, pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    form = PhaseForm(request.POST, case=case)
    done = submit(
        request,
        form,
        lambda data: services.case_change_phase(case=case, by=request.user, **data),
        success=lambda case: (
            _("The case is now in the phase “%(phase)s”.") % {"phase": case.get_phase_display()}
        ),
        redirect_to=_case_url(case, "phases"),
    )
    return done or _render_case(request, case, phase_form=form)


# --- Goals -------------------------------------------------------------------------------


@login_required
@require_POST
def goal_add(request, pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    form = GoalForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: services.goal_create(case=case, by=request.user, **data),
        success=_("The goal was added."),
        redirect_to=_case_url(case, "goals"),
    )
    return done or _render_case(request, case, goal_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk: int, goal_pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    goal = get_object_or_404(case.goals, pk=goal_pk)
    form = GoalForm(request.POST or None, instance=goal)
    done = submit(
        request,
        form,
        lambda data: services.goal_update(goal=goal, by=request.user, **data),
        success=_("The goal was saved."),
        redirect_to=_case_url(case, "goals"),
    )
    return done or _render_item_form(request, case, form, title=_("Edit goal"), anchor="goals")


@login_required
@require_POST
def goal_status(request, pk: int, goal_pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    goal = get_object_or_404(case.goals, pk=goal_pk)
    form = GoalStatusForm(request.POST)
    if form.is_valid():
        services.goal_set_status(goal=goal, by=request.user, status=form.cleaned_data["status"])
        messages.success(request, _("The goal's status was changed."))
    else:
        messages.error(request, _("Choose one of the statuses in the list."))
    return redirect(_case_url(case, "goals"))


@login_required
@require_POST
def goal_move(request, pk: int, goal_pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    goal = get_object_or_404(case.goals, pk=goal_pk)
    try:
        services.goal_move(goal=goal, by=request.user, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_case_url(case, "goals"))


# --- Company meetings --------------------------------------------------------------------


@login_required
@require_POST
def meeting_add(request, pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    form = CaseMeetingForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: services.case_meeting_create(case=case, by=request.user, **data),
        success=_("The meeting was added."),
        redirect_to=_case_url(case, "meetings"),
    )
    return done or _render_case(request, case, meeting_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int, meeting_pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    meeting = get_object_or_404(case.meetings, pk=meeting_pk)
    form = CaseMeetingForm(request.POST or None, instance=meeting)
    done = submit(
        request,
        form,
        lambda data: services.case_meeting_update(meeting=meeting, by=request.user, **data),
        success=_("The meeting was saved."),
        redirect_to=_case_url(case, "meetings"),
    )
    return done or _render_item_form(
        request, case, form, title=_("Edit meeting"), anchor="meetings"
    )


# --- Tasks -------------------------------------------------------------------------------


@login_required
@require_POST
def task_add(request, pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    form = TaskForm(request.POST, owners=selectors.task_owners(case))
    done = submit(
        request,
        form,
        lambda data: services.task_create(case=case, by=request.user, **data),
        success=_("The task was added."),
        redirect_to=_case_url(case, "tasks"),
    )
    return done or _render_case(request, case, task_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request, pk: int, task_pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    task = get_object_or_404(case.tasks, pk=task_pk)
    form = TaskForm(request.POST or None, instance=task, owners=selectors.task_owners(case))
    done = submit(
        request,
        form,
        lambda data: services.task_update(task=task, by=request.user, **data),
        success=_("The task was saved."),
        redirect_to=_case_url(case, "tasks"),
    )
    return done or _render_item_form(request, case, form, title=_("Edit task"), anchor="tasks")


@login_required
@require_POST
def task_done(request, pk: int, task_pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    task = get_object_or_404(case.tasks, pk=task_pk)
    done = request.POST.get("done") == "1"
    services.task_set_done(task=task, by=request.user, done=done)
    if done:
        messages.success(request, _("The task is marked as done."))
    else:
        messages.success(request, _("The task is open again."))
    return redirect(_case_url(case, "tasks"))


# --- Input for the next development meeting ---------------------------------------------


@login_required
@require_POST
def input_save(request, pk: int):
    case = rules.case_or_404(request.user, pk, WORK)
    meeting = selectors.next_meeting(case.programme_id)
    if meeting is None:
        messages.error(request, _("There is no coming development meeting to prepare for."))
        return redirect(_case_url(case, "input"))
    form = MeetingInputForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: services.meeting_input_save(
            case=case, meeting=meeting, by=request.user, text=data["text"]
        ),
        success=_("Your input for the development meeting was saved."),
        redirect_to=_case_url(case, "input"),
    )
    return done or _render_case(request, case, input_form=form)


# --- Advisor notes -----------------------------------------------------------------------


@login_required
@require_POST
def note_add(request, pk: int):
    case = rules.case_or_404(request.user, pk, "matching.add_advisor_note")
    form = NoteForm(request.POST)
    done = submit(
        request,
        form,
        lambda data: services.note_create(case=case, author=request.user, **data),
        success=_("Your note was saved."),
        redirect_to=_case_url(case, "notes"),
    )
    return done or _render_case(request, case, note_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, pk: int, note_pk: int):
    note = rules.note_or_404(request.user, note_pk, "matching.change_advisor_note", case_pk=pk)
    form = NoteForm(request.POST or None, instance=note)
    done = submit(
        request,
        form,
        lambda data: services.note_update(note=note, by=request.user, **data),
        success=_("Your note was saved."),
        redirect_to=_case_url(note.case, "notes"),
    )
    return done or _render_item_form(request, note.case, form, title=_("Edit note"), anchor="notes")


@login_required
@require_http_methods(["GET", "POST"])
def note_delete(request, pk: int, note_pk: int):
    note = rules.note_or_404(request.user, note_pk, "matching.change_advisor_note", case_pk=pk)
    if request.method == "POST":
        case = note.case
        services.note_delete(note=note, by=request.user)
        messages.success(request, _("The note was deleted."))
        return redirect(_case_url(case, "notes"))
    return render(request, "matching/cases/note_delete_confirm.html", {"note": note})


# --- Dashboards --------------------------------------------------------------------------


def _table_context(request, base, *, keys: list[str], reader: str, programmes=None) -> dict:
    form = DashboardFilterForm(request.GET or None, programmes=programmes)
    filters = form.filters()
    sort_key, descending = selectors.parse_sort(request.GET.get("sort"))
    cases = selectors.dashboard_cases(
        base, sort=f"-{sort_key}" if descending else sort_key, **filters
    )
    page = paginate(request, cases, PER_PAGE)
    rows = list(page.object_list)
    extras = selectors.extra_columns(rows, reader=reader)
    return {
        "filter_form": form,
        "page_obj": page,
        "rows": rows,
        "headers": table.headers(request.GET, keys, sort_key, descending),
        "extra_columns": extras,
        "sort": f"-{sort_key}" if descending else sort_key,
        "is_filtered": any(v for v in filters.values()),
    }


@login_required
@require_GET
def case_dashboard(request):
    require_perm(request.user, "matching.view_case_dashboard")
    user = request.user
    context = _table_context(
        request,
        rules.cases_advised(user, Case.objects.all()),
        keys=["company", "programme", "phase", "activity", "meeting", "open", "overdue"],
        reader=dashboard.ADVISOR,
        programmes=selectors.advisor_programmes(user),
    )
    context["shared_notes"] = selectors.shared_notes_for_colleague(
        rules.notes_shared_with_unit(user, AdvisorNote.objects.all()), user=user
    )
    return render(request, "matching/cases/dashboard.html", context)


@login_required
@require_GET
def programme_cases(request, pk: int):
    programme = programme_or_404(request.user, pk, "matching.view_programme_cases")
    context = _table_context(
        request,
        rules.cases_overseen(request.user, selectors.cases_in(programme)),
        keys=["company", "advisor", "phase", "activity", "meeting", "open", "overdue"],
        # The facilitators read as researchers: only research consent counts.
        reader=dashboard.RESEARCHER,
    )
    context["programme"] = programme
    return render(request, "matching/cases/programme_cases.html", context)
