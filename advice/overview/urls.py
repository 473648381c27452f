"""The administrators' overview (namespace `advice`), under /advice/overview/."""

from django.urls import path

from advice.overview import views

urlpatterns = [
    path("overview/", views.overview, name="overview"),
    path("overview/counts/", views.overview_counts, name="overview_counts"),
    path("overview/requests.csv", views.overview_csv, name="overview_csv"),
    path("overview/requests.xlsx", views.overview_xlsx, name="overview_xlsx"),
]
