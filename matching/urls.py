"""Matching: profiles, match runs, cases and their goals' threads, each concept's pages
in its own urls.py."""

from django.urls import include, path

app_name = "matching"
urlpatterns = [
    path("", include("matching.profiles.urls")),
    path("", include("matching.runs.urls")),
    path("", include("matching.cases.urls")),
    path("", include("matching.goal_comments.urls")),
]
