from django.urls import include, path

urlpatterns = [
    path("", include("programme.exercises.prejudice_game.urls")),
    path("", include("programme.exercises.dilemmas.urls")),
    path("", include("programme.exercises.recommendations.urls")),
    path("", include("programme.exercises.evaluation.urls")),
]
