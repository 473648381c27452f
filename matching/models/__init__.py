"""Company and advisor profiles, match runs, and the cases (engagements) they create.

Codes for challenges, advisor roles and phases are the slugs of the matching
knowledge pages, so a profile or a case can link straight to the page that
explains them.

One module per concept; everything is importable from `matching.models`."""

from matching.models.cases import (
    AdvisorNote,
    Case,
    CaseGoal,
    CaseMeeting,
    CaseMeetingInput,
    CasePhaseChange,
    CaseTask,
    GoalComment,
)
from matching.models.choices import AdvisorRole, Challenge, Competence, MeetingFormat, Phase
from matching.models.profiles import AdvisorProfile, CompanyProfile
from matching.models.runs import MatchPair, MatchRun, MatchWeights, PairRule

__all__ = [
    "Challenge",
    "AdvisorRole",
    "Phase",
    "MeetingFormat",
    "Competence",
    "CompanyProfile",
    "AdvisorProfile",
    "MatchWeights",
    "PairRule",
    "MatchRun",
    "MatchPair",
    "Case",
    "CasePhaseChange",
    "CaseGoal",
    "GoalComment",
    "CaseMeeting",
    "CaseTask",
    "CaseMeetingInput",
    "AdvisorNote",
]
