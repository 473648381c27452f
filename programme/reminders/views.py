"""Each person's reminder settings: which reminder e-mails they want, and how they
get each kind of notification by e-mail."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bifrost.core.access import require_perm
from bifrost.core.submit import submit
from programme.reminders import selectors, services
from programme.reminders.forms import ReminderSettingsForm


@login_required
@require_http_methods(["GET", "POST"])
def reminder_settings(request):
    require_perm(request.user, "programme.view_landing")
    # Bound on every POST (not `request.POST or None`): with every box unticked the
    # POST can be empty.
    data = request.POST if request.method == "POST" else None
    form = ReminderSettingsForm(
        data, instance=selectors.reminder_settings_of(request.user), user=request.user
    )
    response = submit(
        request,
        form,
        lambda _data: services.settings_save(
            user=request.user, flags=form.flags(), modes=form.modes()
        ),
        success=_("Your reminder settings are saved."),
        redirect_to="programme:reminder_settings",
    )
    return response or render(request, "programme/reminders/reminder_settings.html", {"form": form})
