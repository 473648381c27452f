"""Writes for the recommendations workshop (meeting 5): propose, comment, endorse,
merge duplicates, publish the final set."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.exercises.selectors import RECOMMENDATIONS
from programme.exercises.services import clean_text, require_exercise
from programme.models import Endorsement, Meeting, Recommendation, RecommendationComment


@transaction.atomic
def recommendation_propose(*, meeting: Meeting, author: Any, text: str) -> Recommendation:
    require_exercise(meeting, RECOMMENDATIONS)
    recommendation = Recommendation(
        meeting=meeting, author=author, text=clean_text(text, field="text")
    )
    recommendation.full_clean()
    recommendation.save()
    return recommendation


@transaction.atomic
def recommendation_comment(
    *, recommendation: Recommendation, author: Any, text: str
) -> RecommendationComment:
    if recommendation.is_merged:
        raise ValidationError(
            {"text": _("This recommendation was merged into another; comment on that one.")}
        )
    comment = RecommendationComment(
        recommendation=recommendation, author=author, text=clean_text(text, field="text")
    )
    comment.full_clean()
    comment.save()
    return comment


def _locked(*recommendations: Recommendation) -> dict[int, Recommendation]:
    """Lock the rows in id order (no deadlock between two merges) and re-read them."""
    rows = Recommendation.objects.select_for_update().filter(pk__in=[r.pk for r in recommendations])
    return {row.pk: row for row in rows.order_by("pk")}


@transaction.atomic
def recommendation_endorse_toggle(*, recommendation: Recommendation, user: Any) -> bool:
    """Back a recommendation, or take the backing back. One endorsement per person:
    the row lock serialises clicks, the unique constraint backs it up.
    Returns True if the person now endorses it."""
    current = _locked(recommendation)[recommendation.pk]
    if current.is_merged:
        raise ValidationError(_("This recommendation was merged into another one."))
    deleted, _details = Endorsement.objects.filter(recommendation=current, user=user).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Endorsement.objects.create(recommendation=current, user=user)
    except IntegrityError:
        pass  # a parallel click already endorsed it
    return True


@transaction.atomic
def recommendation_merge(*, source: Recommendation, target: Recommendation) -> Recommendation:
    """Merge a duplicate (source) into target: source's endorsements move to target,
    except from people who already endorse target (nobody counts twice); recommendations
    merged into source earlier now point at target; source is marked merged and taken
    out of the published set."""
    if source.pk == target.pk:
        raise ValidationError(_("A recommendation cannot be merged into itself."))
    rows = _locked(source, target)
    source, target = rows[source.pk], rows[target.pk]
    if source.meeting_id != target.meeting_id:
        raise ValidationError(_("Both recommendations must belong to the same meeting."))
    if source.is_merged or target.is_merged:
        raise ValidationError(_("One of the recommendations has already been merged."))
    already = Endorsement.objects.filter(recommendation=target).values("user_id")
    Endorsement.objects.filter(recommendation=source).exclude(user_id__in=already).update(
        recommendation=target
    )
    Endorsement.objects.filter(recommendation=source).delete()
    Recommendation.objects.filter(merged_into=source).update(merged_into=target)
    # The discussion follows the merged text, so nothing anyone wrote disappears.
    RecommendationComment.objects.filter(recommendation=source).update(recommendation=target)
    source.merged_into = target
    source.published_at = None
    source.save(update_fields=["merged_into", "published_at"])
    return target


@transaction.atomic
def recommendation_publish(*, recommendation: Recommendation, published: bool) -> Recommendation:
    """Put a recommendation into the final, published set (or take it out)."""
    current = _locked(recommendation)[recommendation.pk]
    if current.is_merged and published:
        raise ValidationError(_("A merged recommendation cannot be published."))
    current.published_at = (current.published_at or timezone.now()) if published else None
    current.save(update_fields=["published_at"])
    return current
