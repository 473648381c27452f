from django.urls import path

from bifrost.accounts.dashboards import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
]
