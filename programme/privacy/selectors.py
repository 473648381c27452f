"""The programme section of a person's data download (fourteen queries, whatever
the person did).

Exercise contributions are the person's own only: their assumptions (anonymous
ones included: they are theirs, and nobody else sees this file), dilemmas,
plays, recommendations, comments, endorsements, answers and principles. Another
person's contribution never appears, not even the text of a recommendation the
person backed (its id is listed).
"""

from typing import Any

from programme.models import (
    Assumption,
    Attendance,
    CalendarFeed,
    DilemmaChoice,
    Endorsement,
    EvaluationResponse,
    Meeting,
    PreparationStatus,
    Principle,
    Programme,
    Recommendation,
    RecommendationComment,
    Reminder,
    ReminderSettings,
    Scenario,
)

MEETING = "meeting__programme"


def _meeting(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "number": meeting.number,
        "title": meeting.title,
        "programme": meeting.programme.name,
        "starts_at": meeting.starts_at,
    }


def _settings(user) -> dict[str, bool] | None:
    settings = ReminderSettings.objects.filter(user=user).first()
    if settings is None:
        return None  # never changed: every reminder is on
    return {
        "meeting_week_before": settings.meeting_week_before,
        "meeting_day_before": settings.meeting_day_before,
        "preparation_due": settings.preparation_due,
    }


def _meetings_and_reminders(user) -> dict[str, Any]:
    return {
        "programmes_created": list(
            Programme.objects.filter(created_by=user)
            .order_by("starts_on", "pk")
            .values("id", "name", "starts_on", "ends_on")
        ),
        "attendance": [
            {"meeting": _meeting(a.meeting), "present": a.present}
            for a in Attendance.objects.filter(user=user).select_related(MEETING).order_by("pk")
        ],
        "preparations_submitted": [
            {
                "meeting": _meeting(p.meeting),
                "company": p.organisation.name,
                "text": p.text,
                "done_at": p.done_at,
                "updated_at": p.updated_at,
            }
            for p in PreparationStatus.objects.filter(updated_by=user)
            .select_related(MEETING, "organisation")
            .order_by("pk")
        ],
        "reminder_settings": _settings(user),
        "reminders": [
            {
                "meeting": _meeting(r.meeting),
                "kind": r.kind,
                "due_at": r.due_at,
                "status": r.status,
                "sent_at": r.sent_at,
            }
            for r in Reminder.objects.filter(recipient=user)
            .select_related(MEETING)
            .order_by("due_at", "pk")
        ],
        # That a personal feed exists, never its secret (only a hash is stored anyway).
        "calendar_feeds": list(
            CalendarFeed.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("created_at", "revoked_at")
        ),
    }


def _game_and_dilemmas(user) -> dict[str, Any]:
    return {
        "assumptions": [
            {
                "meeting": _meeting(a.meeting),
                "side": a.side,
                "text": a.text,
                "anonymous": a.anonymous,
                "status": a.status,
                "created_at": a.created_at,
            }
            for a in Assumption.objects.filter(author=user)
            .select_related(MEETING)
            .order_by("created_at", "pk")
        ],
        "dilemma_choices": [
            {
                "meeting": _meeting(c.meeting),
                "company": c.company.name,
                "dilemma": c.dilemma.title,
                "concrete_description": c.concrete_description,
                "updated_at": c.updated_at,
            }
            for c in DilemmaChoice.objects.filter(chosen_by=user)
            .select_related(MEETING, "company", "dilemma")
            .order_by("pk")
        ],
        "dilemma_plays": [
            {
                "meeting": _meeting(s.meeting),
                "title": s.title,
                "script": s.script,
                "played_at": s.played_at,
                "outcome": s.outcome,
                "adjustments": s.adjustments,
            }
            for s in Scenario.objects.filter(created_by=user).select_related(MEETING).order_by("pk")
        ],
    }


def _recommendations_and_evaluation(user) -> dict[str, Any]:
    return {
        "recommendations": [
            {
                "id": r.pk,
                "meeting": _meeting(r.meeting),
                "text": r.text,
                "merged_into": r.merged_into_id,
                "published_at": r.published_at,
                "created_at": r.created_at,
            }
            for r in Recommendation.objects.filter(author=user)
            .select_related(MEETING)
            .order_by("created_at", "pk")
        ],
        "recommendation_comments": list(
            RecommendationComment.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("recommendation_id", "text", "created_at")
        ),
        "endorsements": list(
            Endorsement.objects.filter(user=user)
            .order_by("created_at", "pk")
            .values("recommendation_id", "created_at")
        ),
        "evaluation_responses": [
            {
                "meeting": _meeting(e.meeting),
                "answers": e.answers,
                "free_text": e.free_text,
                "submitted_at": e.submitted_at,
                "updated_at": e.updated_at,
            }
            for e in EvaluationResponse.objects.filter(respondent=user)
            .select_related(MEETING)
            .order_by("pk")
        ],
        "principles_and_tools": [
            {
                "meeting": _meeting(p.meeting),
                "kind": p.kind,
                "title": p.title,
                "description": p.description,
            }
            for p in Principle.objects.filter(created_by=user)
            .select_related(MEETING)
            .order_by("pk")
        ],
    }


def personal_data(user) -> dict[str, Any]:
    return {
        **_meetings_and_reminders(user),
        "exercises": {**_game_and_dilemmas(user), **_recommendations_and_evaluation(user)},
    }
