"""The advice offer's part of a person's own data (download) and of erasing it.

Collected: the requests the person made as the leader (what they wrote) and those
they confirmed as the representative, with the courses they became. Erased: the
leader's drafts (only theirs); on sent requests, courses, steps, files, decisions and
events the link to the person is cut (the workplace's request stays, for the other
party and the offer's reporting) and their name, title and address are removed.
"""

from typing import Any

from django.db.models import Q

from advice.models import (
    AdviceRequest,
    Course,
    CourseFile,
    CourseStep,
    ProviderDecision,
    RequestEvent,
    RequestState,
)
from bifrost.core.personal_data import detach

SHARED = [
    (AdviceRequest, "leader"),
    (AdviceRequest, "representative"),
    (AdviceRequest, "withdrawn_by"),
    (ProviderDecision, "decided_by"),
    (RequestEvent, "actor"),
    (Course, "cancelled_by"),
    (CourseStep, "done_by"),
    (CourseFile, "uploaded_by"),
]

FIELDS = [
    "pk",
    "state",
    "workplace_name",
    "workplace_kind",
    "unit",
    "joint_units",
    "situation",
    "goals",
    "participants",
    "expected_hours",
    "preferred_timing",
    "leader_title",
    "representative_name",
    "representative_email",
    "provider__name",
    "created_at",
    "submitted_at",
    "confirmed_at",
    "withdrawn_at",
    "withdraw_reason",
    "course__start_date",
    "course__local_follow_up",
]


def personal_data(user) -> dict[str, Any]:
    led = AdviceRequest.objects.filter(leader=user).values(*FIELDS).order_by("pk")
    represented = (
        AdviceRequest.objects.filter(representative=user)
        .values("pk", "state", "workplace_name", "provider__name", "confirmed_at")
        .order_by("pk")
    )
    return {
        "requests_as_leader": [
            {**row, "expected_hours": str(row["expected_hours"] or "")} for row in led
        ],
        "requests_as_representative": list(represented),
    }


def erase(user) -> None:
    AdviceRequest.objects.filter(leader=user, state=RequestState.DRAFT).delete()
    AdviceRequest.objects.filter(leader=user).update(leader_title="")
    AdviceRequest.objects.filter(Q(representative=user)).update(representative_name="")
    detach(user, SHARED)
