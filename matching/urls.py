from django.urls import path

from matching import views

app_name = "matching"
urlpatterns = [
    path("", views.landing, name="landing"),
]
