"""The knowledge section of a person's data download (three queries)."""

from typing import Any

from knowledge.models import CaseSuggestion, PageRevision, RoleSelfAssessment


def personal_data(user) -> dict[str, Any]:
    return {
        "role_self_assessments": list(
            RoleSelfAssessment.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("answers", "scores", "created_at")
        ),
        # Pages are public; a revision is listed with its page, not its content.
        "page_revisions": [
            {
                "page": revision.page.title,
                "note": revision.note,
                "published": revision.published,
                "created_at": revision.created_at,
            }
            for revision in PageRevision.objects.filter(created_by=user)
            .select_related("page")
            .only("note", "published", "created_at", "page__title")
            .order_by("created_at", "pk")
        ],
        # What the person asked to change on a case page (their own words).
        "case_page_suggestions": list(
            CaseSuggestion.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("party", "text", "created_at")
        ),
    }
