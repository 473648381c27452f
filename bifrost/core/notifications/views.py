"""The notification list, marking read, and opening one (mark read + go to its link).

Only the recipient reaches a notification: anyone else's, or a missing one, is 404.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from bifrost.core.access import paginate
from bifrost.core.notifications import kinds, selectors, services


def _own_or_404(request, pk: int):
    notification = selectors.notification_of(request.user, pk)
    if notification is None:
        raise Http404
    return notification


def _safe_local(link: str) -> str:
    """The link if it is a path on this site; the list otherwise (never elsewhere)."""
    if link.startswith("/") and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return link
    return ""


@login_required
@require_GET
def notification_list(request):
    page = paginate(request, selectors.notifications_of(request.user))
    return render(
        request,
        "core/notifications/list.html",
        {"page": page, "notification_settings_url": kinds.settings_page()},
    )


@login_required
@require_POST
def notification_read(request, pk: int):
    services.notification_mark_read(notification=_own_or_404(request, pk))
    return redirect("core:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    services.notifications_mark_all_read(user=request.user)
    return redirect("core:notifications")


@login_required
@require_GET
def notification_open(request, pk: int):
    notification = _own_or_404(request, pk)
    services.notification_mark_read(notification=notification)
    return redirect(_safe_local(notification.link) or "core:notifications")
