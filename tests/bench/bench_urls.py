"""The project's URLs plus a bare "hello" view: the floor of what one request costs."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("hello")


# The project's patterns come first, so "hello" pays the same URL resolution walk.
urlpatterns = [
    path("", include("bifrost.urls")),
    path("bench-hello/", hello),
]
