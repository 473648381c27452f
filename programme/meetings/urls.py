from django.urls import path

from programme.meetings import views

urlpatterns = [
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/run/", views.meeting_run, name="run"),
    path("meetings/<int:pk>/run/advance/", views.meeting_run_advance, name="run_advance"),
    path("meetings/<int:pk>/run/panel/", views.meeting_run_panel, name="run_panel"),
    path("meetings/<int:pk>/run/restart/", views.meeting_run_restart, name="run_restart"),
    path("meetings/<int:pk>/live/", views.meeting_live, name="live"),
    path("meetings/<int:pk>/live/current/", views.meeting_live_current, name="live_current"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/preparation/", views.preparation, name="preparation"),
]
