"""Helpers of the exercise tests."""

from django.urls import reverse

from programme.exercises.evaluation.questionnaire import EVALUATION_QUESTIONS
from programme.models import Endorsement, Recommendation, RecommendationComment


def participant_pages(meeting1, meeting, meeting5, meeting6):
    return [
        reverse("programme:exercise_assumptions", args=[meeting1.pk]),
        reverse("programme:exercise_dilemmas", args=[meeting.pk]),
        reverse("programme:exercise_recommendations", args=[meeting5.pk]),
        reverse("programme:exercise_evaluation", args=[meeting6.pk]),
    ]


def answers_of(value: int, **overrides) -> dict:
    answers = {key: value for key, _text in EVALUATION_QUESTIONS}
    answers.update(overrides)
    return answers


def recommendations_with_activity(meeting5, count: int, people: list) -> None:
    recs = Recommendation.objects.bulk_create(
        Recommendation(meeting=meeting5, author=people[i % len(people)], text=f"Anbefaling {i}")
        for i in range(count)
    )
    RecommendationComment.objects.bulk_create(
        RecommendationComment(recommendation=r, author=people[0], text="Enig") for r in recs
    )
    Endorsement.objects.bulk_create(
        Endorsement(recommendation=r, user=user) for r in recs for user in people
    )
    Recommendation.objects.bulk_create(
        Recommendation(meeting=meeting5, author=people[0], text="dublet", merged_into=r)
        for r in recs[:3]
    )
