"""Writes for the recommendations workshop (meeting 5): propose, comment, endorse,
merge duplicates, edit the wording, publish the final set.

A facilitator may improve a recommendation's wording before it is published;
every change is kept (`RecommendationRevision`, the participant's own wording
first), the board says the wording was edited, and the author and the endorsers
are told. A published recommendation is
locked: to change it, take it out of the published set first, which everyone
sees, then edit and publish it again.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.exercises import notifications
from programme.exercises.selectors import RECOMMENDATIONS
from programme.exercises.services import clean_text, require_exercise
from programme.models import (
    Endorsement,
    Meeting,
    Recommendation,
    RecommendationComment,
    RecommendationRevision,
)


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


@transaction.atomic
def recommendation_edit(*, recommendation: Recommendation, text: str, user: Any) -> Recommendation:
    """Change the wording of a recommendation that is not published (nor merged),
    keeping the wording it had. The same text again changes nothing."""
    current = _locked(recommendation)[recommendation.pk]
    if current.is_merged:
        raise ValidationError(_("This recommendation was merged into another; edit that one."))
    if current.published_at is not None:
        raise ValidationError(
            _(
                "A published recommendation is not edited. Take it out of the published "
                "set first; then change the wording and publish it again."
            )
        )
    text = clean_text(text, field="text")
    if text == current.text:
        return current
    before = current.text
    current.text = text
    current.full_clean()
    current.save(update_fields=["text"])
    revision = RecommendationRevision.objects.create(
        recommendation=current, text_before=before, text_after=text, edited_by=user
    )
    notifications.recommendation_reworded(recommendation=current, revision=revision, by=user)
    return current
