from django.urls import path

from knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.landing, name="landing"),
]
