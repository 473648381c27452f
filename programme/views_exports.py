"""Agenda PDF: ask for it, watch it being made, download it.

The views parse the request and check access (404 for anyone who may not see
the meeting); `programme.exports` owns the workflow. The file is served here,
never from MEDIA_URL, so the permission check holds for the download too.
"""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from bifrost.core.access import require_perm
from programme import exports, selectors
from programme.models import AgendaExport, Meeting
from programme.views import meeting_or_404

# slugify() drops letters without an ASCII decomposition; spell the Danish ones out.
_DANISH_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


def _export(request, pk: int) -> AgendaExport:
    """The export, if the user may see its meeting; 404 for missing and forbidden alike."""
    export = AgendaExport.objects.select_related("meeting__programme").filter(pk=pk).first()
    if export is None:
        raise Http404
    require_perm(request.user, "programme.view_meeting", export.meeting)
    return export


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def pdf_filename(meeting: Meeting) -> str:
    slug = slugify(meeting.title.translate(_DANISH_LETTERS)) or "meeting"
    return f"agenda-{slug}.pdf"


@login_required
@require_POST
def agenda_pdf_request(request, pk: int):
    """Start (or join) the export of the meeting's current agenda."""
    meeting = meeting_or_404(request, pk, "programme.view_meeting")
    export = exports.request_agenda_pdf(meeting=meeting, user=request.user)
    return redirect("programme:agenda_pdf_status", pk=export.pk)


@never_cache
@login_required
@require_safe
def agenda_pdf_status(request, pk: int):
    """The progress page; with HX-Request only the fragment that polls itself."""
    export = _export(request, pk)
    context = {"export": export, "meeting": export.meeting}
    if _is_htmx(request):
        return render(request, "programme/_export_status.html", context)
    if export.status == AgendaExport.Status.DONE:
        # A bookmarked status page may show an old agenda: say so, offer a new PDF.
        current = selectors.meeting_with_agenda(export.meeting_id)
        context["outdated"] = exports.agenda_version(current) != export.version
    return render(request, "programme/export_status.html", context)


@login_required
@require_safe
def agenda_pdf_download(request, pk: int):
    export = _export(request, pk)
    if export.status != AgendaExport.Status.DONE or not export.file:
        raise Http404
    try:
        handle = default_storage.open(export.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=pdf_filename(export.meeting),
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
