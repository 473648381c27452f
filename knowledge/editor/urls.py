from django.urls import path

from knowledge.editor import views

urlpatterns = [
    path("editor/", views.editor_list, name="editor_list"),
    path("editor/new/", views.editor_create, name="editor_create"),
    path("editor/preview/", views.editor_preview, name="editor_preview"),
    path("editor/<int:pk>/", views.editor_edit, name="editor_edit"),
    path("editor/<int:pk>/publish/", views.editor_publish, name="editor_publish"),
    path("editor/<int:pk>/unpublish/", views.editor_unpublish, name="editor_unpublish"),
    path("editor/<int:pk>/revisions/", views.editor_revisions, name="editor_revisions"),
    path(
        "editor/<int:pk>/revisions/<int:revision_pk>/changes/",
        views.editor_revision_changes,
        name="editor_revision_changes",
    ),
    path(
        "editor/<int:pk>/revisions/<int:revision_pk>/restore/",
        views.editor_restore,
        name="editor_restore",
    ),
]
