"""The programme's URLs: one `include` per concept, all under the "programme:" namespace."""

from django.urls import include, path

app_name = "programme"
urlpatterns = [
    path("", include("programme.programmes.urls")),
    path("", include("programme.meetings.urls")),
    path("", include("programme.agenda.urls")),
    path("", include("programme.exercises.urls")),
    path("", include("programme.knowledge_drafts.urls")),
    path("", include("programme.calendar.urls")),
    path("", include("programme.reminders.urls")),
    path("", include("programme.exports.urls")),
]
