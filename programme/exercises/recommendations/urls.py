from django.urls import path

from programme.exercises.recommendations import views

# The PDF of the published set is programme.exports ("recommendations_pdf").
urlpatterns = [
    path(
        "meetings/<int:pk>/exercise/recommendations/",
        views.recommendations,
        name="exercise_recommendations",
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
    path("recommendations/<int:pk>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path(
        "recommendations/<int:pk>/merge/", views.recommendation_merge, name="recommendation_merge"
    ),
]
