"""The matching section of a person's data download (seven queries), and why an
advisor's account cannot be deleted yet.

What the person wrote on a case (goals, comments on goals, tasks, company
meetings) is shown for the cases they can still open (`visible`, from
matching/privacy/rules.py) and only counted for the others. Their own advisor
notes are always theirs to read. A comment is listed with its goal's id and the id
of the comment it answers, never another person's text; deleted ones are gone.
"""

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import ngettext

from matching.models import (
    AdvisorNote,
    AdvisorProfile,
    Case,
    CaseGoal,
    CaseMeeting,
    CaseTask,
    GoalComment,
)


def _case(case: Case) -> dict[str, Any]:
    return {"id": case.pk, "company": case.company.name, "programme": case.programme.name}


def _on_visible(queryset: QuerySet, visible: QuerySet[Case], path: str = "case") -> QuerySet:
    return queryset.annotate(
        case_visible=Exists(visible.filter(pk=OuterRef(f"{path}_id")))
    ).select_related(f"{path}__company", f"{path}__programme")


def _advising(user) -> dict[str, Any]:
    return {
        "advisor_profiles": [
            {
                "programme": p.programme.name,
                "unit": p.unit.name,
                "competences": p.competences,
                "industries": p.industries,
                "regions": p.regions,
                "meeting_format": p.meeting_format,
                "capacity": p.capacity,
                "role_scores": p.role_scores,
                "withdrawn_at": p.withdrawn_at,
                "updated_at": p.updated_at,
            }
            for p in AdvisorProfile.objects.filter(advisor=user)
            .select_related("programme", "unit")
            .order_by("pk")
        ],
        "cases_advised": [
            {**_case(c), "status": c.status, "phase": c.phase, "created_at": c.created_at}
            for c in Case.objects.filter(advisor=user)
            .select_related("company", "programme")
            .order_by("pk")
        ],
        "advisor_notes": [
            {
                "case": _case(n.case),
                "text": n.text,
                "shared_with_unit": n.shared_with_unit,
                "created_at": n.created_at,
                "updated_at": n.updated_at,
            }
            for n in AdvisorNote.objects.filter(author=user)
            .select_related("case__company", "case__programme")
            .order_by("created_at", "pk")
        ],
    }


def personal_data(user, *, visible: QuerySet[Case]) -> dict[str, Any]:
    goals = list(_on_visible(CaseGoal.objects.filter(created_by=user), visible).order_by("pk"))
    tasks = list(
        _on_visible(CaseTask.objects.filter(Q(owner=user) | Q(created_by=user)), visible).order_by(
            "pk"
        )
    )
    meetings = list(
        _on_visible(CaseMeeting.objects.filter(created_by=user), visible).order_by("pk")
    )
    comments = list(
        _on_visible(GoalComment.objects.live().filter(author=user), visible, "goal__case").order_by(
            "pk"
        )
    )
    return {
        **_advising(user),
        "goals_created": [
            {
                "case": _case(g.case),
                "title": g.title,
                "description": g.description,
                "status": g.status,
            }
            for g in goals
            if g.case_visible
        ],
        "tasks": [
            {
                "case": _case(t.case),
                "title": t.title,
                "assigned_to_you": t.owner_id == user.pk,
                "created_by_you": t.created_by_id == user.pk,
                "due_on": t.due_on,
                "done_at": t.done_at,
            }
            for t in tasks
            if t.case_visible
        ],
        "company_meetings_recorded": [
            {
                "case": _case(m.case),
                "held_on": m.held_on,
                "participants": m.participants,
                "summary": m.summary,
                "next_steps": m.next_steps,
            }
            for m in meetings
            if m.case_visible
        ],
        "goal_comments": [
            {
                "case": _case(c.goal.case),
                "goal_id": c.goal_id,
                "id": c.pk,
                "in_reply_to": c.parent_id,
                "text": c.text,
                "created_at": c.created_at,
                "edited_at": c.edited_at,
            }
            for c in comments
            if c.case_visible
        ],
        # On cases the person can no longer open: how many, not what.
        "not_shown_on_cases_you_can_no_longer_open": {
            "goals_created": sum(not g.case_visible for g in goals),
            "tasks": sum(not t.case_visible for t in tasks),
            "company_meetings_recorded": sum(not m.case_visible for m in meetings),
            "goal_comments": sum(not c.case_visible for c in comments),
        },
    }


def deletion_refusals(user) -> list[str]:
    """A case names its advisor and keeps them (PROTECT): an advisor with cases
    cannot delete their account until the facilitators hand the cases over."""
    counts = Case.objects.filter(advisor=user).aggregate(
        active=Count("pk", filter=Q(status=Case.Status.ACTIVE)),
        closed=Count("pk", filter=~Q(status=Case.Status.ACTIVE)),
    )
    reasons = []
    if counts["active"]:
        reasons.append(
            ngettext(
                "You are the advisor of %(count)d active case. Ask the facilitators to "
                "hand it over to another advisor first; then you can delete your account.",
                "You are the advisor of %(count)d active cases. Ask the facilitators to "
                "hand them over to another advisor first; then you can delete your account.",
                counts["active"],
            )
            % {"count": counts["active"]}
        )
    if counts["closed"]:
        reasons.append(
            ngettext(
                "%(count)d closed case still names you as its advisor. Ask the "
                "facilitators to hand it over first; then you can delete your account.",
                "%(count)d closed cases still name you as their advisor. Ask the "
                "facilitators to hand them over first; then you can delete your account.",
                counts["closed"],
            )
            % {"count": counts["closed"]}
        )
    return reasons
