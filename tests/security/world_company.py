"""The permission world's per-company half: enrolment, invitation, profile, case,
logbook (with the leak markers planted in it) and its PDF export."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from bifrost.accounts.models import Role, User, hash_token
from knowledge.models import CaseApproval, Kind, Page, Section
from logbook.models import (
    ChangeLogic,
    CriticalSituation,
    Entry,
    EntryComment,
    EntryDraft,
    EntryVersion,
    LogbookExport,
    ReadinessCheck,
)
from matching.models import (
    AdvisorNote,
    CaseGoal,
    CaseMeeting,
    CaseMeetingInput,
    CasePhaseChange,
    CaseTask,
    GoalComment,
    Phase,
)
from programme.models import (
    Enrolment,
    Programme,
)
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory
from tests.matching.factories import (
    CaseFactory,
    CompanyProfileFactory,
)
from tests.security.world_shared import MARK

# --- One company's side: enrolment, invitation, profile, case, logbook ---------------


def _company_side(
    programme: Programme, meetings: dict, people: dict, side: str, *, share_with_researchers: bool
) -> dict:
    company = people[f"company_{side}"]
    owner = people[f"owner_{side}"]
    token = f"matrix-invitation-token-{side}"
    invitation = factories.InvitationFactory(
        organisation=company,
        email=f"ny-kollega-{side}@example.test",
        role=Role.SMV_OWNER,
        token_hash=hash_token(token),
        invited_by=people["facilitator"],
    )
    CompanyProfileFactory(programme=programme, company=company, updated_by=owner)
    case_objects = _case(programme, meetings, people, side)
    logbook_objects = _logbook(
        programme, meetings, people, side, share_with_researchers=share_with_researchers
    )
    case_page = _case_page(people, side)
    return {
        "company": company.pk,
        "enrolment": Enrolment.objects.get(programme=programme, organisation=company).pk,
        "invitation": invitation.pk,
        "invitation_token": token,
        **case_objects,
        **logbook_objects,
        "case_approval": case_page.pk,
    }


def _case_page(people: dict, side: str) -> CaseApproval:
    """A draft case page about the company, sent for approval to its owner and its
    advisor (the text carries the side's case-page marker)."""
    secret = MARK[f"{side}_case_page"]
    body = f"Sådan gjorde vi. {secret}"
    page = Page.objects.create(
        section=Section.CASES,
        kind=Kind.CASE,
        slug=f"matrix-case-{side}",
        title="Fokusdage i en lille virksomhed",
        body=body,
        body_html=f"<p>{body}</p>",
        body_text=body,
        fields={"company": "en lille virksomhed"},
    )
    return CaseApproval.objects.create(
        page=page,
        company=people[f"company_{side}"],
        company_label="en lille virksomhed",
        advisor=people[f"advisor_{side}"],
        created_by=people["facilitator"],
        sent_at=timezone.now(),
        sent_content={"kind": "case", "slug": page.slug, "title": page.title, "body": body},
        sent_hash="s" * 64,
    )


def _case(programme: Programme, meetings: dict, people: dict, side: str) -> dict:
    company, owner = people[f"company_{side}"], people[f"owner_{side}"]
    advisor = people[f"advisor_{side}"]
    unit = people["unit_u" if side == "a" else "unit_v"]
    case = CaseFactory(
        programme=programme,
        company=company,
        advisor=advisor,
        unit=unit,
        match_pair=people["pairs"][company.pk],
    )
    CasePhaseChange.objects.create(
        case=case,
        phase=Phase.WAY_IN,
        started_on=timezone.localdate() - timedelta(days=20),
        changed_by=advisor,
    )
    goal = CaseGoal.objects.create(case=case, title="Færre sygemeldinger", created_by=owner)
    case_meeting = CaseMeeting.objects.create(
        case=case,
        held_on=timezone.localdate() - timedelta(days=7),
        participants="Ejer og rådgiver",
        summary=f"Vi aftalte næste skridt. {MARK['a_case'] if side == 'a' else ''}",
        created_by=advisor,
    )
    task = CaseTask.objects.create(
        case=case, title="Tal med teamet", owner=owner, created_by=advisor
    )
    CaseMeetingInput.objects.create(
        case=case,
        meeting=meetings["meeting_3"],
        text="Vores erfaringer indtil nu.",
        updated_by=owner,
    )
    shared_text = MARK["a_shared_note"] if side == "a" else MARK["b_shared_note"]
    shared = AdvisorNote.objects.create(
        case=case, author=advisor, text=f"Til enheden: {shared_text}", shared_with_unit=True
    )
    if side == "a":
        AdvisorNote.objects.create(
            case=case, author=advisor, text=f"Kun til mig: {MARK['a_private_note']}"
        )
    # The goal's thread: the owner's comment and the advisor's reply.
    goal_comment = GoalComment.objects.create(
        goal=goal,
        author=owner,
        text=f"Hvordan måler vi det? {MARK['a_case'] if side == 'a' else ''}".strip(),
    )
    goal_reply = GoalComment.objects.create(
        goal=goal, author=advisor, text="Vi tæller fraværsdage.", parent=goal_comment
    )
    _editable_through_the_run(GoalComment, goal_comment, goal_reply)
    people[f"goal_{side}"] = goal
    return {
        "case": case.pk,
        "goal": goal.pk,
        "goal_comment": goal_comment.pk,
        "goal_reply": goal_reply.pk,
        "case_meeting": case_meeting.pk,
        "task": task.pk,
        "shared_note": shared.pk,
    }


def _logbook(
    programme: Programme, meetings: dict, people: dict, side: str, *, share_with_researchers: bool
) -> dict:
    company, owner = people[f"company_{side}"], people[f"owner_{side}"]
    secret = MARK[f"{side}_logbook"]
    logbook = LogbookFactory(
        programme=programme,
        company=company,
        share_with_advisor=True,
        share_with_researchers=share_with_researchers,
        consent_updated_at=timezone.now(),
        consent_updated_by=owner,
        staff_names=f"{MARK['a_staff_list']}\nKirsten Medarbejder" if side == "a" else "",
    )
    entry = _entry_with_history(logbook, meetings, people, side, secret)
    initiative = EntryFactory(
        logbook=logbook,
        kind=Entry.Kind.INITIATIVE,
        author=owner,
        title="Tiltag: faste fokusdage",
        body=f"Fokusdage uden møder. {secret}",
        for_whom="Redaktionen",
        expected_effect="Mindre afbrudt arbejde.",
    )
    ChangeLogic.objects.create(
        entry=initiative,
        challenge_text=f"Afbrydelser hele dagen. {secret}",
        expected_results="Ro til opgaverne.",
        updated_by=owner,
    )
    deleted = EntryFactory(
        logbook=logbook,
        author=owner,
        title=f"Slettet notat {MARK['a_deleted'] if side == 'a' else ''}".strip(),
        body=f"Skrevet ved en fejl. {MARK['a_deleted'] if side == 'a' else ''}",
        deleted_at=timezone.now() - timedelta(days=1),
        deleted_by=owner,
    )
    readiness = dict.fromkeys(_READINESS_KEYS, 3)
    ReadinessCheck.objects.create(
        logbook=logbook,
        taken_on=timezone.localdate() - timedelta(days=10),
        scores=readiness,
        note=f"Første måling. {secret}",
        created_by=owner,
    )
    situation = CriticalSituation.objects.create(
        logbook=logbook,
        occurred_on=timezone.localdate() - timedelta(days=5),
        trigger=CriticalSituation.Trigger.WORK_PRESSURE,
        what_happened=f"Travl uge før deadline. {secret}",
        what_supported="Lederen tog en snak.",
        created_by=owner,
    )
    export = _logbook_export(logbook, owner, side)
    comment = EntryComment.objects.get(entry=entry, parent=None)
    return {
        "logbook": logbook.pk,
        "entry": entry.pk,
        "entry_comment": comment.pk,
        "entry_reply": EntryComment.objects.get(parent=comment).pk,
        "old_version": 1,
        "initiative": initiative.pk,
        "deleted_entry": deleted.pk,
        "critical_situation": situation.pk,
        "logbook_export": export.pk,
    }


# logbook.readiness.STATEMENTS keys ("stored in ReadinessCheck.scores and must never
# change"), written out so the world does not import a module that may move.
_READINESS_KEYS = (
    "engagement",
    "expectations",
    "realism",
    "options",
    "considerations",
    "acceptance",
)


def _entry_with_history(logbook, meetings: dict, people: dict, side: str, secret: str) -> Entry:
    """A problem-focus entry at version 2 (both versions kept), linked to the case's
    goal, with the advisor's comment, the owner's reply and the owner's unsaved drafts."""
    owner, advisor = people[f"owner_{side}"], people[f"advisor_{side}"]
    entry = EntryFactory(
        logbook=logbook,
        author=owner,
        updated_by=owner,
        title="Problemfokus: travlhed",
        body=f"Vi har talt om arbejdspres i teamet. {secret}",
        meeting=meetings["meeting"],
        version=2,
    )
    entry.goals.add(people[f"goal_{side}"])
    for number, body in ((1, f"Første udgave. {secret}"), (2, entry.body)):
        EntryVersion.objects.create(
            entry=entry,
            number=number,
            saved_by=owner,
            data={
                "kind": entry.kind,
                "entry_date": entry.entry_date.isoformat(),
                "title": entry.title,
                "body": body,
                "for_whom": "",
                "when_text": "",
                "expected_effect": "",
                "hindrances": [],
                "helps": [],
                "meeting": entry.meeting_id,
                "goals": [people[f"goal_{side}"].pk],
                "knowledge_pages": [],
            },
        )
    comment = EntryComment.objects.create(entry=entry, author=advisor, text=f"Godt set. {secret}")
    reply = EntryComment.objects.create(
        entry=entry, author=owner, text=f"Tak, vi prøver det. {secret}", parent=comment
    )
    _editable_through_the_run(EntryComment, comment, reply)
    draft = MARK["a_draft"] if side == "a" else ""
    for draft_of in (entry, None):
        EntryDraft.objects.create(
            logbook=logbook,
            entry=draft_of,
            user=owner,
            data={"kind": Entry.Kind.PROBLEM_FOCUS, "title": "Kladde", "body": f"Ufærdig {draft}"},
            base_version=entry.version if draft_of else None,
        )
    return entry


def _editable_through_the_run(model, *comments) -> None:
    """A comment's edit page answers only in the 15 minutes after posting: the world's
    are dated a few hours ahead, so a slow run still finds them editable."""
    model.objects.filter(pk__in=[c.pk for c in comments]).update(
        created_at=timezone.now() + timedelta(hours=3)
    )


def _logbook_export(logbook, owner: User, side: str) -> LogbookExport:
    name = default_storage.save(f"exports/logbook/matrix-{side}.pdf", ContentFile(b"%PDF-1.4 x"))
    return LogbookExport.objects.create(
        logbook=logbook,
        version=f"matrix-{side}".ljust(64, "0"),
        file=name,
        status=LogbookExport.Status.DONE,
        progress=100,
        pages=1,
        requested_by=owner,
        finished_at=timezone.now(),
    )
