"""The facilitator's page: what a meeting gives the knowledge site, and the one
button that drafts it (`/programme/meetings/<id>/knowledge-drafts/`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from bifrost.core.access import require_perm
from programme.exercises.rules import MANAGE, exercise_meeting_or_404
from programme.knowledge_drafts import selectors, services

EDIT_PAGES = "knowledge.edit_page"


@login_required
@require_http_methods(["GET", "POST"])
def knowledge_drafts(request, pk: int):
    meeting = exercise_meeting_or_404(request.user, pk, MANAGE, numbers=selectors.MEETINGS)
    require_perm(request.user, EDIT_PAGES)
    if request.method == "POST":
        try:
            results = services.knowledge_drafts_create(meeting=meeting, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            made = sum(1 for result in results if result.created)
            messages.success(
                request,
                ngettext(
                    "%(n)d knowledge page draft was made. Edit and publish it in the editor.",
                    "%(n)d knowledge page drafts were made. Edit and publish them in the editor.",
                    made,
                )
                % {"n": made}
                if made
                else _("Every item already has a draft; nothing new was made."),
            )
        return redirect("programme:knowledge_drafts", pk=meeting.pk)
    return render(
        request,
        "programme/knowledge_drafts/drafts.html",
        {"meeting": meeting, "items": selectors.draftable(meeting)},
    )
