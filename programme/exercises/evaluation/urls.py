from django.urls import path

from programme.exercises.evaluation import views

urlpatterns = [
    path("meetings/<int:pk>/exercise/evaluation/", views.evaluation, name="exercise_evaluation"),
    path(
        "meetings/<int:pk>/exercise/evaluation/results.csv",
        views.evaluation_export,
        {"fmt": "csv"},
        name="evaluation_csv",
    ),
    path(
        "meetings/<int:pk>/exercise/evaluation/results.xlsx",
        views.evaluation_export,
        {"fmt": "xlsx"},
        name="evaluation_xlsx",
    ),
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
