from django.urls import path

from programme.agenda import views

urlpatterns = [
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
]
