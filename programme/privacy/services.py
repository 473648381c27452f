"""The programme's erase step.

Deleted, because they are only the person's: attendance, reminder settings and
reminders, calendar feeds, endorsements and evaluation answers (a person's vote
and opinion; the programme's counts lose one). Kept and pseudonymised, because
they belong to the programme or a company: programmes they set up, a company's
preparation, and what they contributed to the exercises (assumptions, dilemmas,
plays, recommendations, comments, principles), and agenda exports they asked for.
"""

from bifrost.core import personal_data
from programme.models import (
    AgendaExport,
    Assumption,
    Attendance,
    CalendarFeed,
    DilemmaChoice,
    Endorsement,
    EvaluationResponse,
    PreparationStatus,
    Principle,
    Programme,
    Recommendation,
    RecommendationComment,
    RecommendationRevision,
    Reminder,
    ReminderSettings,
    Scenario,
)

OWN = [
    (Attendance, "user"),
    (ReminderSettings, "user"),
    (Reminder, "recipient"),
    (CalendarFeed, "user"),
    (Endorsement, "user"),
    (EvaluationResponse, "respondent"),
]
SHARED = [
    (Programme, "created_by"),
    (PreparationStatus, "updated_by"),
    (Assumption, "author"),
    (DilemmaChoice, "chosen_by"),
    (Scenario, "created_by"),
    (Recommendation, "author"),
    (RecommendationComment, "author"),
    (RecommendationRevision, "edited_by"),
    (Principle, "created_by"),
    (AgendaExport, "requested_by"),
]


def erase(user) -> None:
    personal_data.delete_own(user, OWN)
    personal_data.detach(user, SHARED)
