"""The project's URLs plus a bare "hello" view: the floor of what one request costs."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path


def hello(request):
    return HttpResponse("hello")


@login_required
def whoami(request):
    """The floor of a logged-in page: the login check, the session and the user."""
    return HttpResponse(request.user.email)


_SHELL = engines["django"].from_string(
    '{% extends "base.html" %}{% block head_title %}Shell{% endblock %}'
)


@login_required
def shell(request):
    """The site layout alone (header, navigation, bell, footer) with an empty page: the
    share of every logged-in page that is not the page's own."""
    return HttpResponse(_SHELL.render({}, request))


# The project's patterns come first, so "hello" pays the same URL resolution walk.
urlpatterns = [
    path("", include("bifrost.urls")),
    path("bench-hello/", hello),
    path("bench-whoami/", whoami),
    path("bench-shell/", shell),
]
