from django.urls import path

from knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("search/", views.search, name="search"),
    path("hvilken-raadgiverrolle/", views.role_self_assessment, name="self_assessment"),
    path("editor/", views.editor_list, name="editor_list"),
    path("editor/new/", views.editor_create, name="editor_create"),
    path("editor/preview/", views.editor_preview, name="editor_preview"),
    path("editor/<int:pk>/", views.editor_edit, name="editor_edit"),
    path("editor/<int:pk>/publish/", views.editor_publish, name="editor_publish"),
    path("editor/<int:pk>/unpublish/", views.editor_unpublish, name="editor_unpublish"),
    path("editor/<int:pk>/revisions/", views.editor_revisions, name="editor_revisions"),
    path(
        "editor/<int:pk>/revisions/<int:revision_pk>/restore/",
        views.editor_restore,
        name="editor_restore",
    ),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/pdf/", views.section_pdf, name="section_pdf"),
    path("<slug:section>/<slug:slug>/", views.page, name="page"),
]
