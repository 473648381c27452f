"""Matching: profiles, match runs and cases, each concept's pages in its own urls.py."""

from django.urls import include, path

app_name = "matching"
urlpatterns = [
    path("", include("matching.profiles.urls")),
    path("", include("matching.runs.urls")),
    path("", include("matching.cases.urls")),
]
