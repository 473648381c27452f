"""Case pages: the case dashboards, the case page and its parts (namespace `matching`)."""

from django.urls import path

from matching.cases import views

urlpatterns = [
    path("cases/", views.case_dashboard, name="case_dashboard"),
    path("programmes/<int:pk>/cases/", views.programme_cases, name="programme_cases"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/phase/", views.case_phase, name="case_phase"),
    path("cases/<int:pk>/goals/add/", views.goal_add, name="case_goal_add"),
    path("cases/<int:pk>/goals/<int:goal_pk>/edit/", views.goal_edit, name="case_goal_edit"),
    path("cases/<int:pk>/goals/<int:goal_pk>/status/", views.goal_status, name="case_goal_status"),
    path("cases/<int:pk>/goals/<int:goal_pk>/move/", views.goal_move, name="case_goal_move"),
    path("cases/<int:pk>/meetings/add/", views.meeting_add, name="case_meeting_add"),
    path(
        "cases/<int:pk>/meetings/<int:meeting_pk>/edit/",
        views.meeting_edit,
        name="case_meeting_edit",
    ),
    path("cases/<int:pk>/tasks/add/", views.task_add, name="case_task_add"),
    path("cases/<int:pk>/tasks/<int:task_pk>/edit/", views.task_edit, name="case_task_edit"),
    path("cases/<int:pk>/tasks/<int:task_pk>/done/", views.task_done, name="case_task_done"),
    path("cases/<int:pk>/input/", views.input_save, name="case_input_save"),
    path("cases/<int:pk>/notes/add/", views.note_add, name="case_note_add"),
    path("cases/<int:pk>/notes/<int:note_pk>/edit/", views.note_edit, name="case_note_edit"),
    path("cases/<int:pk>/notes/<int:note_pk>/delete/", views.note_delete, name="case_note_delete"),
]
