"""PDF downloads: the agenda PDF (ask for it, watch it being made, download it) and
meeting 5's published recommendations.

Anyone who may not see the meeting gets a 404. Files are served here, never from
MEDIA_URL, so the permission check holds for the download too.
"""

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from bifrost.core.http import is_htmx
from bifrost.core.slugs import ascii_slug
from programme.exercises.recommendations.rules import recommendations_meeting_or_404
from programme.exercises.recommendations.selectors import published_recommendations
from programme.exports import selectors, services
from programme.exports.recommendations import recommendations_pdf as render_recommendations
from programme.exports.rules import agenda_export_or_404
from programme.meetings.rules import meeting_or_404
from programme.models import AgendaExport, Meeting

VIEW = "programme.view_meeting"


def pdf_filename(meeting: Meeting) -> str:
    return f"agenda-{ascii_slug(meeting.title, fallback='meeting')}.pdf"


@login_required
@require_POST
def agenda_pdf_request(request, pk: int):
    """Start (or join) the export of the meeting's current agenda."""
    meeting = meeting_or_404(request.user, pk, VIEW)
    export = services.agenda_pdf_request(meeting=meeting, user=request.user)
    return redirect("programme:agenda_pdf_status", pk=export.pk)


@never_cache
@login_required
@require_safe
def agenda_pdf_status(request, pk: int):
    """The progress page; with HX-Request only the fragment that polls itself."""
    export = agenda_export_or_404(request.user, pk, VIEW)
    context = {
        "export": export,
        "meeting": export.meeting,
        "shown": selectors.shown_status(export),
    }
    if is_htmx(request):
        return render(request, "programme/exports/_export_status.html", context)
    if export.status == AgendaExport.Status.DONE:
        # A bookmarked status page may show an old agenda: say so, offer a new PDF.
        context["outdated"] = selectors.agenda_pdf_outdated(export)
    return render(request, "programme/exports/export_status.html", context)


@login_required
@require_safe
def agenda_pdf_download(request, pk: int):
    export = agenda_export_or_404(request.user, pk, VIEW)
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


@login_required
def recommendations_pdf(request, pk: int):
    """Meeting 5's published recommendations; 404 until some are published."""
    meeting = recommendations_meeting_or_404(request.user, pk, VIEW)
    published = published_recommendations(meeting)
    if not published:
        raise Http404
    content = render_recommendations(request=request, meeting=meeting, recommendations=published)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="anbefalinger-{meeting.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
