"""Meeting pages: the meeting, editing and cancelling it, running it live (the
facilitator's run view, the participants' live view), attendance, minutes and the
companies' preparation. Views parse, call a service or a selector, and respond."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.http import is_htmx
from bifrost.core.submit import submit
from knowledge.rendering import render_markdown
from programme.agenda.forms import NotesForm
from programme.agenda.selectors import overrun_minutes, schedule
from programme.meetings import selectors, services
from programme.meetings.forms import MeetingForm, MinutesForm, PreparationForm
from programme.meetings.rules import meeting_or_404
from programme.models import Meeting

VIEW = "programme.view_meeting"
MANAGE = "programme.manage_meeting"


def _meeting_url(meeting: Meeting) -> str:
    return reverse("programme:meeting", args=[meeting.pk])


@login_required
def meeting_detail(request, pk: int):
    meeting = meeting_or_404(request.user, pk, VIEW)
    can_manage = request.user.has_perm(MANAGE, meeting)
    context = {
        "meeting": meeting,
        "schedule": schedule(meeting, list(meeting.agenda_items.all())),
        "can_manage": can_manage,
        "minutes_html": render_markdown(meeting.minutes)
        if meeting.minutes_published_at or can_manage
        else "",
    }
    if request.user.has_perm("programme.submit_preparation", meeting):
        status = selectors.preparation_of(meeting, request.user)
        context["preparation_form"] = PreparationForm(
            initial={"text": status.text if status else "", "done": bool(status and status.done_at)}
        )
        context["preparation_status"] = status
    return render(request, "programme/meetings/meeting_detail.html", context)


def _overrun_text(minutes: int) -> str:
    return ngettext(
        "The agenda runs %(minutes)d minute past the end of the meeting. Shorten or move "
        "items in the agenda, or let the meeting end later.",
        "The agenda runs %(minutes)d minutes past the end of the meeting. Shorten or move "
        "items in the agenda, or let the meeting end later.",
        minutes,
    ) % {"minutes": minutes}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    form = MeetingForm(request.POST or None, instance=meeting)

    def saved(meeting: Meeting) -> str:
        # Moving the start (or the end) can push the agenda past the end: say so.
        if overrun := overrun_minutes(meeting, items):
            messages.warning(request, _overrun_text(overrun))
        return _meeting_url(meeting)

    response = submit(
        request,
        form,
        lambda data: services.meeting_update(meeting=meeting, **form.changes()),
        success=_("The meeting was saved."),
        redirect_to=saved,
        # The model's datetimes are the form's date and end-time fields.
        field_map={"starts_at": "date", "ends_at": "end_time"},
    )
    if response:
        return response
    # The form warns too: for the saved times, or for the times just typed in.
    typed = getattr(form, "cleaned_data", {})
    overrun = overrun_minutes(
        meeting, items, starts_at=typed.get("starts_at"), ends_at=typed.get("ends_at")
    )
    return render(
        request,
        "programme/meetings/meeting_form.html",
        {
            "form": form,
            "meeting": meeting,
            "overrun_warning": _overrun_text(overrun) if overrun else "",
            "agenda_minutes": sum(item.duration_minutes for item in items),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    if request.method == "POST":
        services.meeting_cancel(meeting=meeting)
        messages.success(request, _("The meeting is cancelled; no more reminders are sent for it."))
        return redirect("programme:programme_detail", pk=meeting.programme_id)
    return render(request, "programme/meetings/meeting_cancel_confirm.html", {"meeting": meeting})


# --- Running the meeting --------------------------------------------------------------


def _run_context(meeting: Meeting) -> dict:
    context = selectors.run_state(meeting)
    if "clock" in context:  # an item is running
        context["notes_form"] = NotesForm(initial={"notes": context["current"].item.notes})
    return context


@login_required
def meeting_run(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    return render(request, "programme/meetings/run.html", _run_context(meeting))


@login_required
def meeting_run_panel(request, pk: int):
    """htmx: the run view's live panel (countdown, current and next item)."""
    meeting = meeting_or_404(request.user, pk, MANAGE)
    return render(request, "programme/meetings/_run_panel.html", _run_context(meeting))


@login_required
@require_POST
def meeting_run_advance(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    step = -1 if request.POST.get("direction") == "back" else 1
    services.meeting_advance(meeting=meeting, step=step)
    if is_htmx(request):
        return meeting_run_panel(request, pk)
    return redirect("programme:run", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_run_restart(request, pk: int):
    """'Start again' asks first: GET is the confirmation (the page without JavaScript;
    with it, the run view opens the same form in a dialog), POST starts again."""
    meeting = meeting_or_404(request.user, pk, MANAGE)
    if request.method == "POST":
        services.meeting_restart(meeting=meeting)
        messages.success(request, _("The meeting started again from the first item."))
        return redirect("programme:run", pk=pk)
    return render(request, "programme/meetings/run_restart_confirm.html", _run_context(meeting))


@login_required
def meeting_live(request, pk: int):
    """Participants follow the current item on their own screen."""
    meeting = meeting_or_404(request.user, pk, VIEW)
    return render(request, "programme/meetings/live.html", _run_context(meeting))


@login_required
def meeting_live_current(request, pk: int):
    meeting = meeting_or_404(request.user, pk, VIEW)
    return render(request, "programme/meetings/_live_current.html", _run_context(meeting))


# --- Attendance, minutes, preparation ------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    participants = list(
        selectors.meeting_participants(meeting).prefetch_related("memberships__organisation")
    )
    present = selectors.present_user_ids(meeting)
    if request.method == "POST":
        try:
            chosen = {int(value) for value in request.POST.getlist("present")}
            services.attendance_record(
                meeting=meeting,
                present_user_ids=chosen,
                participant_ids={p.pk for p in participants},
            )
        except (ValueError, ValidationError):
            messages.error(request, _("Only the meeting's participants can be marked as present."))
        else:
            messages.success(request, _("Attendance was saved."))
            return redirect("programme:attendance", pk=meeting.pk)
    return render(
        request,
        "programme/meetings/attendance.html",
        {"meeting": meeting, "participants": participants, "present": present},
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    publish = request.POST.get("action") == "publish"
    response = submit(
        request,
        form,
        lambda data: services.minutes_save(meeting=meeting, text=data["minutes"], publish=publish),
        success=_("The minutes are published to the participants.")
        if publish
        else _("The minutes were saved."),
        redirect_to=_meeting_url,
    )
    return response or render(
        request, "programme/meetings/minutes_form.html", {"form": form, "meeting": meeting}
    )


@login_required
@require_POST
def preparation(request, pk: int):
    meeting = meeting_or_404(request.user, pk, "programme.submit_preparation")
    form = PreparationForm(request.POST)
    enrolment = selectors.represented_enrolment(meeting, request.user)
    if enrolment is None:
        raise Http404
    if form.is_valid():
        services.preparation_submit(
            meeting=meeting,
            organisation=enrolment.organisation,
            user=request.user,
            text=form.cleaned_data["text"],
            done=form.cleaned_data["done"],
        )
        messages.success(request, _("Your preparation was saved."))
    else:
        messages.error(
            request,
            _("Your preparation could not be saved: %(errors)s")
            % {"errors": " ".join(e for errs in form.errors.values() for e in errs)},
        )
    return redirect("programme:meeting", pk=meeting.pk)
