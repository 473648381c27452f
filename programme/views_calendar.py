"""Calendar: the personal iCal feed and single-meeting .ics downloads.

The views parse the request and call `programme.calendar`, which owns the
feed workflow (create / revoke) and builds the .ics text.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from bifrost.core.access import require_perm
from programme import calendar
from programme.models import Meeting

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
# slugify() drops letters without an ASCII decomposition; spell the Danish ones out.
_DANISH_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"})


def _calendar_response(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response


def ics_filename(title: str) -> str:
    return f"{slugify(title.translate(_DANISH_LETTERS)) or 'meeting'}.ics"


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
            _feed, token = calendar.calendar_feed_create(user=request.user)
            url = calendar.feed_url(token)
            # Rendered in the POST response rather than redirected: the token is
            # not kept anywhere (session, message store), so this is the only time
            # it can be shown.
            context["new_feed_url"] = url
            context["new_feed_webcal_url"] = calendar.webcal_url(url)
        elif action == "revoke":
            if calendar.calendar_feed_revoke(user=request.user):
                messages.success(
                    request,
                    _("Your calendar link is switched off. Calendars using it stop updating."),
                )
            else:
                messages.info(request, _("You had no active calendar link."))
            return redirect("programme:calendar")
        else:
            return HttpResponseBadRequest(_("Unknown action."))
    context["active_feed"] = calendar.active_feed_of(request.user)
    return render(request, "programme/calendar.html", context)


@require_safe
def feed(request, token: str):
    """The personal feed: public URL, the secret token is the credential.

    Unknown and revoked tokens get the same 404. A person who left the programme
    still gets a (now empty) calendar, so their calendar app drops the meetings.
    """
    calendar_feed = calendar.feed_by_token(token)
    if calendar_feed is None:
        raise Http404
    meetings = calendar.meetings_for_user(calendar_feed.user)
    body = calendar.calendar_for(meetings, name=_("My meetings – SMV-brobygger"), refresh=True)
    response = _calendar_response(body)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
@require_safe
def meeting_ics(request, pk: int):
    """One meeting as an .ics attachment, for people who may see the meeting."""
    meeting = Meeting.objects.select_related("programme").filter(pk=pk).first()
    if meeting is None:
        raise Http404
    require_perm(request.user, "programme.view_meeting", meeting)
    response = _calendar_response(calendar.calendar_for([meeting], name=meeting.title))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=ics_filename(meeting.title)
    )
    return response
