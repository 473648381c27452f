"""Writes in a goal's thread (matching.goal_comments.services): both sides post and
reply; nothing changes on a closed case; a comment is activity on the case."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from matching.goal_comments import services
from matching.models import Case, GoalComment

pytestmark = pytest.mark.django_db


def test_both_sides_post_and_reply_and_the_case_is_touched(goal, owner, advisor):
    Case.objects.filter(pk=goal.case_id).update(last_activity_at=timezone.now() - timedelta(days=3))
    comment = services.goal_comment_add(goal=goal, by=advisor, text="Hvordan går det?")
    reply = services.goal_comment_add(goal=goal, by=owner, text="Godt", parent=comment)
    assert reply.parent == comment
    case = Case.objects.get(pk=goal.case_id)
    assert case.last_activity_at > timezone.now() - timedelta(minutes=1)


def test_a_closed_case_takes_no_comments_edits_or_deletes(goal, owner):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Vores plan")
    Case.objects.filter(pk=goal.case_id).update(status=Case.Status.CLOSED)
    goal.case.refresh_from_db()
    comment.goal.case.refresh_from_db()
    with pytest.raises(ValidationError):
        services.goal_comment_add(goal=goal, by=owner, text="Mere")
    with pytest.raises(ValidationError):
        services.goal_comment_edit(comment=comment, by=owner, text="Ændret")
    with pytest.raises(ValidationError):
        services.goal_comment_delete(comment=comment, by=owner)
    assert GoalComment.objects.get().text == "Vores plan"


def test_edit_within_15_minutes_delete_own_only(goal, owner, advisor):
    comment = services.goal_comment_add(goal=goal, by=owner, text="Vores plan")
    with pytest.raises(ValidationError):
        services.goal_comment_edit(comment=comment, by=advisor, text="Min nu")
    assert services.goal_comment_edit(comment=comment, by=owner, text="Ny plan").edited_at
    GoalComment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=15, seconds=1)
    )
    comment.refresh_from_db()
    with pytest.raises(ValidationError):
        services.goal_comment_edit(comment=comment, by=owner, text="For sent")
    with pytest.raises(ValidationError):
        services.goal_comment_delete(comment=comment, by=advisor)
    services.goal_comment_delete(comment=comment, by=owner)
    assert not GoalComment.objects.exists()
