"""A development goal's page and its thread (namespace `matching`)."""

from django.urls import path

from matching.goal_comments import views

GOAL = "cases/<int:pk>/goals/<int:goal_pk>"
COMMENT = f"{GOAL}/comments/<int:comment_pk>"

urlpatterns = [
    path(f"{GOAL}/", views.goal_detail, name="case_goal_detail"),
    path(f"{GOAL}/comment/", views.goal_comment, name="case_goal_comment"),
    path(f"{COMMENT}/reply/", views.goal_comment_reply, name="case_goal_comment_reply"),
    path(f"{COMMENT}/edit/", views.goal_comment_edit, name="case_goal_comment_edit"),
    path(f"{COMMENT}/delete/", views.goal_comment_delete, name="case_goal_comment_delete"),
]
