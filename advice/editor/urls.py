"""The offer's editor for facilitators (namespace `advice`), under /advice/editor/."""

from django.urls import path

from advice.editor import views

urlpatterns = [
    path("editor/", views.editor_home, name="editor"),
    path("editor/rounds/new/", views.round_create, name="editor_round_create"),
    path("editor/rounds/<int:pk>/", views.round_edit, name="editor_round"),
    path("editor/rounds/<int:pk>/publish/", views.round_publish, name="editor_round_publish"),
    path("editor/rounds/<int:pk>/themes/new/", views.theme_create, name="editor_theme_create"),
    path("editor/themes/<int:pk>/", views.theme_edit, name="editor_theme"),
    path("editor/themes/<int:pk>/move/", views.theme_move, name="editor_theme_move"),
    path("editor/themes/<int:pk>/delete/", views.theme_delete, name="editor_theme_delete"),
    path("editor/providers/new/", views.provider_create, name="editor_provider_create"),
    path("editor/providers/<int:pk>/", views.provider_edit, name="editor_provider"),
    path(
        "editor/providers/<int:pk>/publish/",
        views.provider_publish,
        name="editor_provider_publish",
    ),
    path(
        "editor/providers/<int:pk>/contacts/new/",
        views.contact_create,
        name="editor_contact_create",
    ),
    path("editor/contacts/<int:pk>/", views.contact_edit, name="editor_contact"),
    path("editor/contacts/<int:pk>/delete/", views.contact_delete, name="editor_contact_delete"),
    path("editor/providers/<int:pk>/steps/new/", views.step_create, name="editor_step_create"),
    path("editor/steps/<int:pk>/", views.step_edit, name="editor_step"),
    path("editor/steps/<int:pk>/delete/", views.step_delete, name="editor_step_delete"),
    path("editor/providers/<int:pk>/angles/new/", views.angle_create, name="editor_angle_create"),
    path("editor/angles/<int:pk>/", views.angle_edit, name="editor_angle"),
    path("editor/angles/<int:pk>/delete/", views.angle_delete, name="editor_angle_delete"),
    path(
        "editor/providers/<int:pk>/capacities/new/",
        views.capacity_create,
        name="editor_capacity_create",
    ),
    path("editor/capacities/<int:pk>/", views.capacity_edit, name="editor_capacity"),
    path(
        "editor/capacities/<int:pk>/delete/",
        views.capacity_delete,
        name="editor_capacity_delete",
    ),
]
