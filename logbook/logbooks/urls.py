from django.urls import path

from logbook.logbooks import views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/settings/", views.consent, name="consent"),
]
