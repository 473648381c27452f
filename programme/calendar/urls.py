from django.urls import path

from programme.calendar import views

urlpatterns = [
    path("meetings/<int:pk>/calendar.ics", views.meeting_ics, name="meeting_ics"),
    path("calendar/", views.feed_manage, name="calendar"),
    path("calendar/<str:token>.ics", views.feed, name="calendar_feed"),
]
