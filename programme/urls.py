from django.urls import include, path

from programme import views, views_calendar, views_exports, views_reminders

app_name = "programme"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("new/", views.programme_create, name="programme_create"),
    path("<int:pk>/", views.programme_detail, name="programme_detail"),
    path("<int:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("<int:pk>/enrolments/", views.enrolments, name="enrolments"),
    path("enrolments/<int:pk>/end/", views.enrolment_end, name="enrolment_end"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/agenda/", views.agenda_builder, name="agenda"),
    path("meetings/<int:pk>/agenda/new/", views.agenda_item_create, name="agenda_item_create"),
    path("meetings/<int:pk>/agenda/reorder/", views.agenda_reorder, name="agenda_reorder"),
    path("agenda-items/<int:pk>/edit/", views.agenda_item_edit, name="agenda_item_edit"),
    path("agenda-items/<int:pk>/delete/", views.agenda_item_delete, name="agenda_item_delete"),
    path("agenda-items/<int:pk>/move/", views.agenda_item_move, name="agenda_item_move"),
    path("agenda-items/<int:pk>/notes/", views.agenda_item_notes, name="agenda_item_notes"),
    path(
        "agenda-items/<int:pk>/material/", views.agenda_item_material, name="agenda_item_material"
    ),
    path("meetings/<int:pk>/run/", views.meeting_run, name="run"),
    path("meetings/<int:pk>/run/advance/", views.meeting_run_advance, name="run_advance"),
    path("meetings/<int:pk>/run/panel/", views.meeting_run_panel, name="run_panel"),
    path("meetings/<int:pk>/live/", views.meeting_live, name="live"),
    path("meetings/<int:pk>/live/current/", views.meeting_live_current, name="live_current"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/preparation/", views.preparation, name="preparation"),
    path("meetings/<int:pk>/calendar.ics", views_calendar.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/agenda.pdf/", views_exports.agenda_pdf_request, name="agenda_pdf"),
    path("exports/<int:pk>/", views_exports.agenda_pdf_status, name="agenda_pdf_status"),
    path(
        "exports/<int:pk>/download/",
        views_exports.agenda_pdf_download,
        name="agenda_pdf_download",
    ),
    path("calendar/", views_calendar.feed_manage, name="calendar"),
    path("calendar/<str:token>.ics", views_calendar.feed, name="calendar_feed"),
    path("reminders/", views_reminders.reminder_settings, name="reminder_settings"),
    path("", include("programme.urls_exercises")),
]
