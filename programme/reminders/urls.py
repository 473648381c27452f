from django.urls import path

from programme.reminders import views

urlpatterns = [
    path("reminders/", views.reminder_settings, name="reminder_settings"),
]
