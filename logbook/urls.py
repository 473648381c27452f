from django.urls import path

from logbook import urls_exports, urls_insights, views

app_name = "logbook"
urlpatterns = [
    path("", views.landing, name="landing"),
    *urls_insights.urlpatterns,
    *urls_exports.urlpatterns,
]
