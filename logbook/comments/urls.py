from django.urls import path

from logbook.comments import views

COMMENT = "<int:pk>/entries/<int:entry_pk>/comments/<int:comment_pk>"

urlpatterns = [
    path("<int:pk>/entries/<int:entry_pk>/comment/", views.entry_comment, name="entry_comment"),
    path(f"{COMMENT}/reply/", views.entry_comment_reply, name="entry_comment_reply"),
    path(f"{COMMENT}/edit/", views.entry_comment_edit, name="entry_comment_edit"),
    path(f"{COMMENT}/delete/", views.entry_comment_delete, name="entry_comment_delete"),
]
