"""Reads for the recommendations workshop (meeting 5)."""

from typing import Any

from django.db.models import BooleanField, Count, Exists, OuterRef, Prefetch, Value

from programme.models import (
    Endorsement,
    Meeting,
    Recommendation,
    RecommendationComment,
    RecommendationRevision,
)


def recommendations_board(meeting: Meeting, user: Any) -> list[Recommendation]:
    """The open (not merged) recommendations, most endorsed first, each annotated with
    `endorsement_count` and `endorsed_by_me`, with comments, merged duplicates and
    the changes of wording. Four queries."""
    user_pk = getattr(user, "pk", None)
    endorsed_by_me = (
        Exists(Endorsement.objects.filter(recommendation=OuterRef("pk"), user_id=user_pk))
        if user_pk is not None
        else Value(False, output_field=BooleanField())
    )
    return list(
        Recommendation.objects.filter(meeting=meeting, merged_into__isnull=True)
        .select_related("author")
        .annotate(
            endorsement_count=Count("endorsements", distinct=True),
            endorsed_by_me=endorsed_by_me,
        )
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=RecommendationComment.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch("merged", queryset=Recommendation.objects.order_by("created_at", "pk")),
            Prefetch(
                "revisions", queryset=RecommendationRevision.objects.order_by("created_at", "pk")
            ),
        )
        .order_by("-endorsement_count", "created_at", "pk")
    )


def published_recommendations(meeting: Meeting) -> list[Recommendation]:
    """The final, published set, most endorsed first. One query."""
    return list(
        Recommendation.objects.filter(
            meeting=meeting, merged_into__isnull=True, published_at__isnull=False
        )
        .annotate(endorsement_count=Count("endorsements"))
        .order_by("-endorsement_count", "created_at", "pk")
    )


def wording_revisions(recommendation: Recommendation) -> list[RecommendationRevision]:
    """The recommendation's changes of wording, oldest first (the first row's
    `text_before` is the participant's own wording). One query."""
    return list(
        RecommendationRevision.objects.filter(recommendation=recommendation)
        .select_related("edited_by")
        .order_by("created_at", "pk")
    )
