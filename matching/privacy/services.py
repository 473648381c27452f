"""Matching's erase step.

Deleted, because they are only the advisor's: their profiles, their own notes,
and the pair rules and proposed pairs about them (a confirmed pair has a case,
which refuses the deletion first). Kept and pseudonymised, because they belong
to a company or the programme: goals and the comments on them, tasks, company
meetings, meeting input and phase changes on cases, company profiles, weights
and match runs ("Former user"). A run's
snapshot names each advisor: that name becomes the pseudonym and the advisor is
no longer offered in a draft run.
"""

from bifrost.core import personal_data
from bifrost.core.people import FORMER_USER
from matching.models import (
    AdvisorNote,
    AdvisorProfile,
    CaseGoal,
    CaseMeeting,
    CaseMeetingInput,
    CasePhaseChange,
    CaseTask,
    CompanyProfile,
    GoalComment,
    MatchPair,
    MatchRun,
    MatchWeights,
    PairRule,
)

OWN = [
    (AdvisorNote, "author"),
    (AdvisorProfile, "advisor"),
    (PairRule, "advisor"),
    (MatchPair, "advisor"),
]
SHARED = [
    (MatchWeights, "updated_by"),
    (PairRule, "created_by"),
    (MatchRun, "created_by"),
    (MatchRun, "confirmed_by"),
    (CasePhaseChange, "changed_by"),
    (CaseGoal, "created_by"),
    (CaseGoal, "updated_by"),
    (GoalComment, "author"),
    (CaseMeeting, "created_by"),
    (CaseTask, "owner"),
    (CaseTask, "created_by"),
    (CaseMeetingInput, "updated_by"),
    (CompanyProfile, "updated_by"),
]


def _pseudonymise_snapshots(user) -> None:
    runs = list(MatchRun.objects.filter(inputs__advisors__contains=[{"id": user.pk}]))
    for run in runs:
        for advisor in run.inputs.get("advisors", []):
            if advisor.get("id") == user.pk:
                advisor["name"] = str(FORMER_USER)
                advisor["available"] = False
    MatchRun.objects.bulk_update(runs, ["inputs"])


def erase(user) -> None:
    personal_data.delete_own(user, OWN)
    _pseudonymise_snapshots(user)
    personal_data.detach(user, SHARED)
