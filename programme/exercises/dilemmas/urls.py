from django.urls import path

from programme.exercises.dilemmas import views

urlpatterns = [
    path("meetings/<int:pk>/exercise/dilemmas/", views.dilemmas, name="exercise_dilemmas"),
    path("meetings/<int:pk>/exercise/dilemmas/add/", views.dilemma_add, name="dilemma_add"),
    path("meetings/<int:pk>/exercise/dilemmas/seed/", views.dilemma_seed, name="dilemma_seed"),
    path(
        "meetings/<int:pk>/exercise/dilemmas/<int:choice_pk>/play/",
        views.scenario_create,
        name="scenario_create",
    ),
    path("dilemma-plays/<int:pk>/", views.scenario_edit, name="scenario_edit"),
]
