"""URLs of the meeting exercises (prejudice game, dilemmas, recommendations, evaluation).

Included from programme/urls.py without a namespace of its own: the names are
"programme:<name>".
"""

from django.urls import path

from programme import views_exercises as views

urlpatterns = [
    # Meeting 1: prejudice game
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
    # Meetings 2 and 4: dilemma workshop
    path("meetings/<int:pk>/exercise/dilemmas/", views.dilemmas, name="exercise_dilemmas"),
    path("meetings/<int:pk>/exercise/dilemmas/add/", views.dilemma_add, name="dilemma_add"),
    path("meetings/<int:pk>/exercise/dilemmas/seed/", views.dilemma_seed, name="dilemma_seed"),
    path(
        "meetings/<int:pk>/exercise/dilemmas/<int:choice_pk>/play/",
        views.scenario_create,
        name="scenario_create",
    ),
    path("dilemma-plays/<int:pk>/", views.scenario_edit, name="scenario_edit"),
    # Meeting 5: recommendations
    path(
        "meetings/<int:pk>/exercise/recommendations/",
        views.recommendations,
        name="exercise_recommendations",
    ),
    path(
        "meetings/<int:pk>/exercise/recommendations.pdf",
        views.recommendations_pdf,
        name="recommendations_pdf",
    ),
    path(
        "recommendations/<int:pk>/comment/",
        views.recommendation_comment,
        name="recommendation_comment",
    ),
    path(
        "recommendations/<int:pk>/endorse/",
        views.recommendation_endorse,
        name="recommendation_endorse",
    ),
    path(
        "recommendations/<int:pk>/publish/",
        views.recommendation_publish,
        name="recommendation_publish",
    ),
    path(
        "recommendations/<int:pk>/merge/", views.recommendation_merge, name="recommendation_merge"
    ),
    # Meeting 6: evaluation, principles and tools
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
