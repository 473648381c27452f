from django.db import transaction

from knowledge.models import RoleSelfAssessment


@transaction.atomic
def self_assessment_save(*, user, answers: dict, scores: dict) -> RoleSelfAssessment:
    """Keep a reader's answers and scores (only when they chose to save them)."""
    return RoleSelfAssessment.objects.create(user=user, answers=answers, scores=scores)
