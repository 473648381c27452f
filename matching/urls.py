from django.urls import path

from matching import urls_cases, views

app_name = "matching"
urlpatterns = [
    path("", views.landing, name="landing"),
    *urls_cases.urlpatterns,
]
