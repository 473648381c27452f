"""The knowledge site's erase step: self-assessments go, page revisions stay unsigned."""

from bifrost.core import personal_data
from knowledge.models import PageRevision, RoleSelfAssessment


def erase(user) -> None:
    personal_data.delete_own(user, [(RoleSelfAssessment, "user")])
    # The site's history belongs to the programme: the revision stays, "Former user".
    personal_data.detach(user, [(PageRevision, "created_by")])
