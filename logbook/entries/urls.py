from django.urls import path

from logbook.entries import views

urlpatterns = [
    path("<int:pk>/entries/new/", views.entry_create, name="entry_create"),
    path("<int:pk>/entries/autosave/", views.entry_autosave, name="entry_autosave"),
    path("<int:pk>/privacy-check/", views.privacy_check, name="privacy_check"),
    path("<int:pk>/entries/draft/discard/", views.entry_draft_discard, name="entry_draft_discard"),
    path("<int:pk>/entries/deleted/", views.entries_deleted, name="entries_deleted"),
    path("<int:pk>/entries/<int:entry_pk>/", views.entry_detail, name="entry_detail"),
    path("<int:pk>/entries/<int:entry_pk>/edit/", views.entry_edit, name="entry_edit"),
    path("<int:pk>/entries/<int:entry_pk>/delete/", views.entry_delete, name="entry_delete"),
    path("<int:pk>/entries/<int:entry_pk>/undelete/", views.entry_undelete, name="entry_undelete"),
    path("<int:pk>/entries/<int:entry_pk>/history/", views.entry_history, name="entry_history"),
    path(
        "<int:pk>/entries/<int:entry_pk>/history/<int:number>/",
        views.entry_version,
        name="entry_version",
    ),
    path(
        "<int:pk>/entries/<int:entry_pk>/history/<int:number>/restore/",
        views.entry_version_restore,
        name="entry_version_restore",
    ),
]
