from django.urls import path

from programme.exercises.prejudice_game import views

urlpatterns = [
    path(
        "meetings/<int:pk>/exercise/assumptions/",
        views.assumptions,
        name="exercise_assumptions",
    ),
    path(
        "meetings/<int:pk>/exercise/assumptions/reveal/",
        views.assumptions_reveal,
        name="assumptions_reveal",
    ),
    path("assumptions/<int:pk>/review/", views.assumption_review, name="assumption_review"),
    path("assumptions/<int:pk>/remove/", views.assumption_remove, name="assumption_remove"),
]
