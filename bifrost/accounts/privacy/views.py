"""Privacy: the public notice, a person's own data (the download page and its JSON),
and deleting the account.

The notice is public (written from docs/privacy.md). The other two are for the
person themself only: there is no id in the URL, the views work on
`request.user`, so nobody can ask for another person's data.
"""

import json

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from bifrost.accounts.privacy import services
from bifrost.accounts.privacy.forms import AccountDeleteForm
from bifrost.core import personal_data as registry
from bifrost.core.submit import submit


@require_safe
def notice(request):
    """What the platform stores, who sees it, consent, how long: public, no login."""
    return render(
        request,
        "accounts/privacy/notice.html",
        {
            "access_log_days": settings.ACCESS_LOG_RETENTION_DAYS,
            "session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "support_email": settings.SUPPORT_EMAIL,
        },
    )


def download_name() -> str:
    return f"bifrost-persondata-{timezone.localdate().isoformat()}.json"


@login_required
@require_http_methods(["GET", "POST"])
def personal_data(request):
    """GET: what the download holds, and its button. POST: the JSON file."""
    if request.method != "POST":
        return render(
            request, "accounts/privacy/personal_data.html", {"sections": registry.providers()}
        )
    content = json.dumps(
        registry.collect(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(content, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{download_name()}"'
    response["Cache-Control"] = "no-store"
    return response


def _logged_out(request):
    logout(request)
    return redirect("front_page")


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    """GET: what deleting means, and the confirmation form. POST: delete, log out."""
    user = request.user
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=user)
    return submit(
        request,
        form,
        lambda data: services.account_delete(user=user),
        success=_(
            "Your account has been deleted. What you wrote for a company or a programme "
            "stays there, signed “Former user”."
        ),
        redirect_to=lambda _result: _logged_out(request),
    ) or render(
        request,
        "accounts/privacy/account_delete.html",
        {"form": form, "refusals": registry.refusals(user)},
    )
