from django.urls import path

from programme.exercises.evaluation import views

urlpatterns = [
    path("meetings/<int:pk>/exercise/evaluation/", views.evaluation, name="exercise_evaluation"),
    path(
        "meetings/<int:pk>/exercise/evaluation/close/",
        views.evaluation_close,
        name="evaluation_close",
    ),
    path(
        "meetings/<int:pk>/exercise/principles/add/",
        views.principle_add,
        name="principle_add",
    ),
    path("principles/<int:pk>/delete/", views.principle_delete, name="principle_delete"),
]
