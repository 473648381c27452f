"""Programmes (forløb), their development meetings, agendas, attendance and reminders.

One module per concept; everything is importable from `programme.models`."""

from programme.models.calendar import CalendarFeed
from programme.models.exercises import (
    Assumption,
    Dilemma,
    DilemmaChoice,
    Endorsement,
    EvaluationResponse,
    ExerciseState,
    Principle,
    Recommendation,
    RecommendationComment,
    RecommendationRevision,
    Scenario,
)
from programme.models.exports import AgendaExport
from programme.models.meetings import AgendaItem, Attendance, Meeting, PreparationStatus
from programme.models.programmes import Enrolment, Programme
from programme.models.reminders import Reminder, ReminderSettings

__all__ = [
    "Programme",
    "Enrolment",
    "Meeting",
    "AgendaItem",
    "Attendance",
    "PreparationStatus",
    "ReminderSettings",
    "Reminder",
    "CalendarFeed",
    "AgendaExport",
    "ExerciseState",
    "Assumption",
    "Dilemma",
    "DilemmaChoice",
    "Scenario",
    "Recommendation",
    "RecommendationComment",
    "RecommendationRevision",
    "Endorsement",
    "EvaluationResponse",
    "Principle",
]
