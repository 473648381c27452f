"""Each person's reminder settings: which reminder e-mails they want.

The view parses the form; `programme.reminders` owns the write.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bifrost.core.access import require_perm
from programme import reminders
from programme.forms_reminders import ReminderSettingsForm


@login_required
@require_http_methods(["GET", "POST"])
def reminder_settings(request):
    require_perm(request.user, "programme.view_landing")
    current = reminders.reminder_settings_of(request.user)
    if request.method == "POST":
        # Not `request.POST or None`: with every box unticked the POST can be empty.
        form = ReminderSettingsForm(request.POST, instance=current)
        if form.is_valid():
            reminders.reminder_settings_save(user=request.user, **form.flags())
            messages.success(request, _("Your reminder settings are saved."))
            return redirect("programme:reminder_settings")
    else:
        form = ReminderSettingsForm(instance=current)
    return render(request, "programme/reminder_settings.html", {"form": form})
