"""The help and contact page: public, so a person who cannot log in can read it.

It reads nothing from the database: who to write to is the `SUPPORT_EMAIL` setting.
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def help_page(request):
    return render(request, "accounts/help/help.html", {"support_email": settings.SUPPORT_EMAIL})
