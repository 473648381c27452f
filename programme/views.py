"""Programme pages for facilitators and participants. Views parse and call services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.access import require_perm
from bifrost.core.submit import add_errors
from knowledge.rendering import render_markdown
from programme import exercise_selectors, selectors, services
from programme.calendar import meetings_for_user
from programme.forms import (
    AgendaItemForm,
    EnrolForm,
    MeetingForm,
    MinutesForm,
    NotesForm,
    PreparationForm,
    ProgrammeForm,
)
from programme.models import AgendaItem, Enrolment, Meeting, PreparationStatus, Programme


def _programme(request, pk: int, perm: str) -> Programme:
    programme = Programme.objects.filter(pk=pk).first()
    if programme is None:
        raise Http404
    require_perm(request.user, perm, programme)
    return programme


def meeting_or_404(request, pk: int, perm: str) -> Meeting:
    """The meeting with its agenda if the person may do `perm` on it; else 404."""
    try:
        meeting = selectors.meeting_with_agenda(pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    require_perm(request.user, perm, meeting)
    return meeting


def _item(request, pk: int) -> AgendaItem:
    item = AgendaItem.objects.select_related("meeting__programme").filter(pk=pk).first()
    if item is None:
        raise Http404
    require_perm(request.user, "programme.manage_meeting", item.meeting)
    return item


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- Programmes -----------------------------------------------------------------


@login_required
def landing(request):
    require_perm(request.user, "programme.view_landing")
    if request.user.has_perm("programme.manage_programme"):
        programmes = Programme.objects.all()
    else:
        programmes = selectors.programmes_of(request.user)
    # The same rule as the calendar feed, in one query: no per-meeting checks.
    upcoming = (
        meetings_for_user(request.user)
        .filter(starts_at__gte=timezone.now(), status=Meeting.Status.PLANNED)
        .select_related("programme")
    )
    return render(
        request,
        "programme/landing.html",
        {
            "programmes": programmes.order_by("-starts_on"),
            "upcoming": upcoming[:5],
            "can_manage": request.user.has_perm("programme.manage_programme"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request):
    require_perm(request.user, "programme.add_programme")
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create_from_template(
                **form.cleaned_data, user=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The programme was created with a kick-off and six development meetings."),
            )
            return redirect("programme:programme_detail", pk=programme.pk)
    return render(request, "programme/programme_form.html", {"form": form, "programme": None})


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, pk: int):
    programme = _programme(request, pk, "programme.manage_programme")
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_update(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The programme was saved."))
            return redirect("programme:programme_detail", pk=programme.pk)
    return render(request, "programme/programme_form.html", {"form": form, "programme": programme})


@login_required
def programme_detail(request, pk: int):
    programme = _programme(request, pk, "programme.view_programme")
    can_manage = request.user.has_perm("programme.manage_programme", programme)
    context = {"programme": programme, "can_manage": can_manage, "now": timezone.now()}
    if can_manage:
        context.update(selectors.programme_overview(programme))
        context["exercise_progress"] = exercise_selectors.exercise_progress(programme)
    else:
        # The calendar's rule in one query, instead of a permission check per meeting.
        context["meetings"] = list(meetings_for_user(request.user).filter(programme=programme))
    return render(request, "programme/programme_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def enrolments(request, pk: int):
    programme = _programme(request, pk, "programme.manage_programme")
    form = EnrolForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_add(
                programme=programme, organisation=form.cleaned_data["organisation"]
            )
        except ValidationError as error:
            form.add_error("organisation", error)
        else:
            messages.success(
                request,
                _("%(name)s is now enrolled.") % {"name": form.cleaned_data["organisation"].name},
            )
            return redirect("programme:enrolments", pk=programme.pk)
    return render(
        request,
        "programme/enrolments.html",
        {
            "programme": programme,
            "form": form,
            "enrolments": selectors.active_enrolments(programme).order_by(
                "organisation__kind", "organisation__name"
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def enrolment_end(request, pk: int):
    enrolment = Enrolment.objects.select_related("programme", "organisation").filter(pk=pk).first()
    if enrolment is None:
        raise Http404
    require_perm(request.user, "programme.manage_programme", enrolment.programme)
    if request.method == "POST":
        services.enrolment_end(enrolment=enrolment)
        messages.success(
            request,
            _("%(name)s has left the programme.") % {"name": enrolment.organisation.name},
        )
        return redirect("programme:enrolments", pk=enrolment.programme_id)
    return render(request, "programme/enrolment_end_confirm.html", {"enrolment": enrolment})


# --- Meetings -------------------------------------------------------------------


@login_required
def meeting_detail(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.view_meeting")
    items = list(meeting.agenda_items.all())
    can_manage = request.user.has_perm("programme.manage_meeting", meeting)
    context = {
        "meeting": meeting,
        "schedule": selectors.schedule(meeting, items),
        "can_manage": can_manage,
        "minutes_html": render_markdown(meeting.minutes)
        if meeting.minutes_published_at or can_manage
        else "",
    }
    if request.user.has_perm("programme.submit_preparation", meeting):
        company_ids = selectors.user_company_ids(request.user)
        status = PreparationStatus.objects.filter(
            meeting=meeting, organisation_id__in=company_ids
        ).first()
        context["preparation_form"] = PreparationForm(
            initial={"text": status.text if status else "", "done": bool(status and status.done_at)}
        )
        context["preparation_status"] = status
    return render(request, "programme/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.changes())
        except ValidationError as error:
            # The model's datetimes are the form's date and end-time fields.
            add_errors(form, error, {"starts_at": "date", "ends_at": "end_time"})
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect("programme:meeting", pk=meeting.pk)
    return render(request, "programme/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    if request.method == "POST":
        services.meeting_cancel(meeting=meeting)
        messages.success(request, _("The meeting is cancelled; no more reminders are sent for it."))
        return redirect("programme:programme_detail", pk=meeting.programme_id)
    return render(request, "programme/meeting_cancel_confirm.html", {"meeting": meeting})


# --- Agenda builder -------------------------------------------------------------


@login_required
def agenda_builder(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    template = "programme/_agenda_table.html" if _is_htmx(request) else "programme/agenda.html"
    return render(
        request,
        template,
        {
            "meeting": meeting,
            "schedule": selectors.schedule(meeting, list(meeting.agenda_items.all())),
        },
    )


def _item_fields(form: AgendaItemForm) -> dict:
    return {name: form.cleaned_data[name] for name in AgendaItemForm.Meta.fields}


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_create(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    form = AgendaItemForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_save(meeting=meeting, **_item_fields(form))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The item was added to the agenda."))
            return redirect("programme:agenda", pk=meeting.pk)
    return render(
        request, "programme/agenda_item_form.html", {"form": form, "meeting": meeting, "item": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_edit(request, pk: int):
    item = _item(request, pk)
    form = AgendaItemForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_save(meeting=item.meeting, item=item, **_item_fields(form))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The item was saved."))
            return redirect("programme:agenda", pk=item.meeting_id)
    return render(
        request,
        "programme/agenda_item_form.html",
        {"form": form, "meeting": item.meeting, "item": item},
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_delete(request, pk: int):
    item = _item(request, pk)
    if request.method == "POST":
        meeting_pk = item.meeting_id
        services.agenda_item_delete(item=item)
        messages.success(request, _("The item was removed from the agenda."))
        return redirect("programme:agenda", pk=meeting_pk)
    return render(request, "programme/agenda_item_delete_confirm.html", {"item": item})


@login_required
@require_POST
def agenda_item_move(request, pk: int):
    item = _item(request, pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.agenda_move(item=item, offset=offset)
    if _is_htmx(request):
        return agenda_builder(request, item.meeting_id)
    return redirect("programme:agenda", pk=item.meeting_id)


@login_required
@require_POST
def agenda_reorder(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    try:
        ordered = [int(value) for value in request.POST.getlist("item")]
        services.agenda_reorder(meeting=meeting, ordered_ids=ordered)
    except (ValueError, ValidationError):
        messages.error(request, _("The agenda changed meanwhile. Reload the page and try again."))
    if _is_htmx(request):
        return agenda_builder(request, meeting.pk)
    return redirect("programme:agenda", pk=meeting.pk)


@login_required
def agenda_item_material(request, pk: int):
    """Agenda files are private to the meeting: served here, never from MEDIA_URL."""
    item = AgendaItem.objects.select_related("meeting__programme").filter(pk=pk).first()
    if item is None or not item.material:
        raise Http404
    require_perm(request.user, "programme.view_meeting", item.meeting)
    try:
        handle = item.material.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.material.name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Running the meeting --------------------------------------------------------------


def _run_context(meeting: Meeting) -> dict:
    items = list(meeting.agenda_items.all())
    scheduled = selectors.schedule(meeting, items)
    index = next((i for i, s in enumerate(scheduled) if s.item.pk == meeting.current_item_id), None)
    current = scheduled[index] if index is not None else None
    following = scheduled[index + 1] if index is not None and index + 1 < len(scheduled) else None
    if index is None and meeting.run_ended_at is None and scheduled:
        following = scheduled[0]
    context = {"meeting": meeting, "schedule": scheduled, "current": current, "next": following}
    if current is not None and meeting.current_item_started_at:
        elapsed = (timezone.now() - meeting.current_item_started_at).total_seconds()
        remaining = current.item.duration_minutes * 60 - elapsed
        context.update(
            remaining_seconds=int(remaining),
            clock="{:02d}:{:02d}".format(*divmod(int(abs(remaining)), 60)),
            overtime=remaining < 0,
            notes_form=NotesForm(initial={"notes": current.item.notes}),
        )
    return context


@login_required
def meeting_run(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    return render(request, "programme/run.html", _run_context(meeting))


@login_required
def meeting_run_panel(request, pk: int):
    """htmx: the run view's live panel (countdown, current and next item)."""
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    return render(request, "programme/_run_panel.html", _run_context(meeting))


@login_required
@require_POST
def meeting_run_advance(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    step = -1 if request.POST.get("direction") == "back" else 1
    services.meeting_advance(meeting=meeting, step=step)
    if _is_htmx(request):
        return meeting_run_panel(request, pk)
    return redirect("programme:run", pk=pk)


@login_required
@require_POST
def agenda_item_notes(request, pk: int):
    item = _item(request, pk)
    form = NotesForm(request.POST)
    if not form.is_valid():
        problem = _("The notes could not be saved: %(errors)s") % {
            "errors": " ".join(e for errs in form.errors.values() for e in errs)
        }
        if _is_htmx(request):
            return HttpResponse(problem)
        messages.error(request, problem)
        return redirect("programme:run", pk=item.meeting_id)
    services.agenda_item_notes(item=item, notes=form.cleaned_data["notes"])
    if _is_htmx(request):
        return HttpResponse(_("Saved"))
    messages.success(request, _("The notes were saved."))
    return redirect("programme:run", pk=item.meeting_id)


@login_required
def meeting_live(request, pk: int):
    """Participants follow the current item on their own screen."""
    meeting = meeting_or_404(request, pk, "programme.view_meeting")
    return render(request, "programme/live.html", _run_context(meeting))


@login_required
def meeting_live_current(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.view_meeting")
    return render(request, "programme/_live_current.html", _run_context(meeting))


# --- Attendance, minutes, preparation ------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    participants = list(
        selectors.meeting_participants(meeting).prefetch_related("memberships__organisation")
    )
    present = set(meeting.attendances.filter(present=True).values_list("user_id", flat=True))
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
        "programme/attendance.html",
        {"meeting": meeting, "participants": participants, "present": present},
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.manage_meeting")
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        publish = request.POST.get("action") == "publish"
        try:
            services.minutes_save(
                meeting=meeting, text=form.cleaned_data["minutes"], publish=publish
            )
        except ValidationError as error:
            form.add_error("minutes", error.message_dict.get("minutes", error.messages))
        else:
            messages.success(
                request,
                _("The minutes are published to the participants.")
                if publish
                else _("The minutes were saved."),
            )
            return redirect("programme:meeting", pk=meeting.pk)
    return render(request, "programme/minutes_form.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def preparation(request, pk: int):
    meeting = meeting_or_404(request, pk, "programme.submit_preparation")
    form = PreparationForm(request.POST)
    company_ids = selectors.user_company_ids(request.user)
    enrolled = meeting.programme.enrolments.filter(
        organisation_id__in=company_ids, left_at__isnull=True
    ).select_related("organisation")
    enrolment = enrolled.first()
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
