"""The logbook's URLs: each concept's own, under the one namespace "logbook"."""

from django.urls import include, path

app_name = "logbook"
urlpatterns = [
    path("", include("logbook.logbooks.urls")),
    path("", include("logbook.entries.urls")),
    path("", include("logbook.comments.urls")),
    path("", include("logbook.access.urls")),
    path("", include("logbook.insights.urls")),
    path("", include("logbook.exports.urls")),
    path("", include("logbook.case_pages.urls")),
]
