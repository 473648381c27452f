"""Each person's reminder settings (in progress)."""

from django.http import Http404


def reminder_settings(request):
    raise Http404
