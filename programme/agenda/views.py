"""The agenda builder (items, their order by drag and drop or by keyboard, their
files) and the notes the facilitator takes while running the meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bifrost.core.http import is_htmx
from bifrost.core.submit import submit
from programme.agenda import services
from programme.agenda.forms import AgendaItemForm, NotesForm
from programme.agenda.rules import agenda_item_or_404
from programme.agenda.selectors import schedule
from programme.meetings.rules import meeting_or_404

MANAGE = "programme.manage_meeting"


def _agenda_url(meeting_pk: int) -> str:
    return reverse("programme:agenda", args=[meeting_pk])


@login_required
def agenda_builder(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    template = (
        "programme/agenda/_agenda_table.html"
        if is_htmx(request)
        else "programme/agenda/agenda.html"
    )
    return render(
        request,
        template,
        {"meeting": meeting, "schedule": schedule(meeting, list(meeting.agenda_items.all()))},
    )


def _item_fields(data: dict) -> dict:
    return {name: data[name] for name in AgendaItemForm.Meta.fields}


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_create(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    form = AgendaItemForm(request.POST or None, request.FILES or None)
    response = submit(
        request,
        form,
        lambda data: services.agenda_item_save(meeting=meeting, **_item_fields(data)),
        success=_("The item was added to the agenda."),
        redirect_to=_agenda_url(meeting.pk),
    )
    return response or render(
        request,
        "programme/agenda/agenda_item_form.html",
        {"form": form, "meeting": meeting, "item": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_edit(request, pk: int):
    item = agenda_item_or_404(request.user, pk, MANAGE)
    form = AgendaItemForm(request.POST or None, request.FILES or None, instance=item)
    response = submit(
        request,
        form,
        lambda data: services.agenda_item_save(
            meeting=item.meeting, item=item, **_item_fields(data)
        ),
        success=_("The item was saved."),
        redirect_to=_agenda_url(item.meeting_id),
    )
    return response or render(
        request,
        "programme/agenda/agenda_item_form.html",
        {"form": form, "meeting": item.meeting, "item": item},
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_delete(request, pk: int):
    item = agenda_item_or_404(request.user, pk, MANAGE)
    if request.method == "POST":
        meeting_pk = item.meeting_id
        services.agenda_item_delete(item=item)
        messages.success(request, _("The item was removed from the agenda."))
        return redirect("programme:agenda", pk=meeting_pk)
    return render(request, "programme/agenda/agenda_item_delete_confirm.html", {"item": item})


@login_required
@require_POST
def agenda_item_move(request, pk: int):
    item = agenda_item_or_404(request.user, pk, MANAGE)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.agenda_move(item=item, offset=offset)
    if is_htmx(request):
        return agenda_builder(request, item.meeting_id)
    return redirect("programme:agenda", pk=item.meeting_id)


@login_required
@require_POST
def agenda_reorder(request, pk: int):
    meeting = meeting_or_404(request.user, pk, MANAGE)
    try:
        ordered = [int(value) for value in request.POST.getlist("item")]
        services.agenda_reorder(meeting=meeting, ordered_ids=ordered)
    except (ValueError, ValidationError):
        messages.error(request, _("The agenda changed meanwhile. Reload the page and try again."))
    if is_htmx(request):
        return agenda_builder(request, meeting.pk)
    return redirect("programme:agenda", pk=meeting.pk)


@login_required
def agenda_item_material(request, pk: int):
    """Agenda files are private to the meeting: served here, never from MEDIA_URL."""
    item = agenda_item_or_404(request.user, pk, "programme.view_meeting")
    if not item.material:
        raise Http404
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


@login_required
@require_POST
def agenda_item_notes(request, pk: int):
    item = agenda_item_or_404(request.user, pk, MANAGE)
    form = NotesForm(request.POST)
    if not form.is_valid():
        problem = _("The notes could not be saved: %(errors)s") % {
            "errors": " ".join(e for errs in form.errors.values() for e in errs)
        }
        if is_htmx(request):
            return HttpResponse(problem)
        messages.error(request, problem)
        return redirect("programme:run", pk=item.meeting_id)
    services.agenda_item_notes(item=item, notes=form.cleaned_data["notes"])
    if is_htmx(request):
        return HttpResponse(_("Saved"))
    messages.success(request, _("The notes were saved."))
    return redirect("programme:run", pk=item.meeting_id)
