"""Calendar: the personal iCal feed and single-meeting .ics downloads.

The views parse the request, ask the meetings rule which meetings a person
attends, and let `programme.calendar.ics` build the .ics text.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from bifrost.core.access import require_perm
from programme.calendar import ics, selectors, services
from programme.meetings.rules import meeting_or_404, meetings_visible
from programme.meetings.selectors import meetings_by_date

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def feed_manage(request):
    """Create, show (once) and revoke the personal calendar feed."""
    require_perm(request.user, "programme.view_landing")
    context = {}
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            _feed, token = services.calendar_feed_create(user=request.user)
            url = ics.feed_url(token)
            # Rendered in the POST response rather than redirected: the token is
            # not kept anywhere (session, message store), so this is the only time
            # it can be shown.
            context["new_feed_url"] = url
            context["new_feed_webcal_url"] = ics.webcal_url(url)
        elif action == "revoke":
            if services.calendar_feed_revoke(user=request.user):
                messages.success(
                    request,
                    _("Your calendar link is switched off. Calendars using it stop updating."),
                )
            else:
                messages.info(request, _("You had no active calendar link."))
            return redirect("programme:calendar")
        else:
            return HttpResponseBadRequest(_("Unknown action."))
    context["active_feed"] = selectors.active_feed_of(request.user)
    return render(request, "programme/calendar/calendar.html", context)


@require_safe
def feed(request, token: str):
    """The personal feed: public URL, the secret token is the credential.

    Unknown and revoked tokens get the same 404. A person who left the programme
    still gets a (now empty) calendar, so their calendar app drops the meetings.
    """
    calendar_feed = selectors.feed_by_token(token)
    if calendar_feed is None:
        raise Http404
    meetings = meetings_visible(calendar_feed.user, meetings_by_date())
    body = ics.calendar_for(meetings, name=_("My meetings – SMV-brobygger"), refresh=True)
    response = _calendar_response(body)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
@require_safe
def meeting_ics(request, pk: int):
    """One meeting as an .ics attachment, for people who may see the meeting."""
    meeting = meeting_or_404(request.user, pk, "programme.view_meeting")
    response = _calendar_response(ics.calendar_for([meeting], name=meeting.title))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=ics.ics_filename(meeting.title)
    )
    return response
