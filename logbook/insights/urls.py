"""Change logic, readiness and critical situations (included by logbook/urls.py)."""

from django.urls import path

from logbook.insights import views

urlpatterns = [
    path("<int:pk>/readiness/", views.readiness_page, name="readiness"),
    path("<int:pk>/critical-situations/", views.critical_situations, name="critical_situations"),
    path(
        "<int:pk>/critical-situations/<int:situation_pk>/edit/",
        views.critical_situation_edit,
        name="critical_situation_edit",
    ),
    path(
        "<int:pk>/critical-situations/<int:situation_pk>/delete/",
        views.critical_situation_delete,
        name="critical_situation_delete",
    ),
    path("<int:pk>/change-logic/", views.change_logics, name="change_logics"),
    path("<int:pk>/change-logic/<int:entry_pk>/", views.change_logic, name="change_logic"),
]
