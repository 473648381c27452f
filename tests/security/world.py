"""One realistic world for the permission matrix, built once per test module.

A fixture module (loaded by tests/security/conftest.py, never imported by a test
module). Everything is written through the models, the shared factories and the
ORM, never through the apps' services or selectors, so the world survives moves
of those modules. It holds:

- programme P (a kick-off and development meetings 1–6, run by facilitator F) and
  programme Q with its own facilitator F2;
- companies A and B enrolled in P, each with an SMV owner, a profile, a logbook and
  a confirmed case: A with advisor a1 of unit U, B with advisor a3 of unit V; a2 is
  a1's colleague in U (not on A's case). A's logbook shares with the advisor and the
  researchers; B's with the advisor only (the default);
- one of every object a URL takes, for both companies where it belongs to one: the
  logbook's entries, versions, drafts, comments, change logic, readiness check,
  critical situation and PDF export; the case's goals, meetings, tasks, input and
  notes; match runs and pair rules; agenda items with material, agenda exports,
  calendar feeds; the exercises' assumptions, dilemmas, plays, recommendations and
  principles; knowledge pages and revisions; invitations and allauth's keys;
- a staff user and a superuser, neither with a programme role;
- one notification per person (the owners' are the subject's "notification").

`World.url_kwargs(key, subject)` gives the URL keyword arguments of a matrix key
for company "A" or "B" (see URL_OBJECTS); `World.users[role]` the person of a role.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from bifrost.accounts.models import Role, User, hash_token
from bifrost.core.models import Notification
from knowledge.models import Kind, Page, PageRevision, Section
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
    MatchRun,
    PairRule,
    Phase,
)
from programme.models import (
    AgendaExport,
    AgendaItem,
    Assumption,
    Attendance,
    CalendarFeed,
    Dilemma,
    DilemmaChoice,
    Endorsement,
    Enrolment,
    EvaluationResponse,
    Meeting,
    PreparationStatus,
    Principle,
    Programme,
    Recommendation,
    RecommendationComment,
    Scenario,
)
from tests import factories
from tests.logbook.factories import EntryFactory, LogbookFactory
from tests.matching.factories import (
    AdvisorProfileFactory,
    CaseFactory,
    CompanyProfileFactory,
    MatchPairFactory,
    MatchRunFactory,
)
from tests.security import matrix

# URL keyword → name of the world object (its pk, slug or token), per matrix key.
# A URL whose pattern takes arguments needs an entry; the objects are looked up for
# the role's subject company, so the same key gives A's or B's objects.
URL_OBJECTS: dict[str, dict[str, str]] = {
    # accounts
    "organisation_detail": {"pk": "company"},
    "invitation_create": {"pk": "company"},
    "invitation_revoke": {"pk": "invitation"},
    "invitation_accept": {"token": "invitation_token"},
    # allauth
    "account_confirm_email": {"key": "email_confirmation_key"},
    "account_reset_password_from_key": {"uidb36": "reset_uidb36", "key": "reset_key"},
    # knowledge
    "knowledge:section": {"section": "section"},
    "knowledge:section_pdf": {"section": "section"},
    "knowledge:page": {"section": "section", "slug": "page_slug"},
    "knowledge:editor_edit": {"pk": "page"},
    "knowledge:editor_publish": {"pk": "draft_page"},
    "knowledge:editor_unpublish": {"pk": "page"},
    "knowledge:editor_revisions": {"pk": "page"},
    "knowledge:editor_restore": {"pk": "page", "revision_pk": "revision"},
    # programme
    "programme:programme_detail": {"pk": "programme"},
    "programme:programme_edit": {"pk": "programme"},
    "programme:enrolments": {"pk": "programme"},
    "programme:enrolment_end": {"pk": "enrolment"},
    **{
        f"programme:{name}": {"pk": "meeting"}
        for name in (
            "meeting",
            "meeting_edit",
            "meeting_cancel",
            "agenda",
            "agenda_item_create",
            "agenda_reorder",
            "run",
            "run_advance",
            "run_panel",
            "live",
            "live_current",
            "attendance",
            "minutes",
            "preparation",
            "meeting_ics",
            "agenda_pdf",
            "exercise_dilemmas",
            "dilemma_add",
            "dilemma_seed",
        )
    },
    "programme:meeting@kickoff": {"pk": "kickoff"},
    "programme:meeting_ics@kickoff": {"pk": "kickoff"},
    "programme:live@kickoff": {"pk": "kickoff"},
    **{
        f"programme:{name}": {"pk": "agenda_item"}
        for name in (
            "agenda_item_edit",
            "agenda_item_delete",
            "agenda_item_move",
            "agenda_item_notes",
            "agenda_item_material",
        )
    },
    "programme:agenda_pdf_status": {"pk": "agenda_export"},
    "programme:agenda_pdf_download": {"pk": "agenda_export"},
    "programme:calendar_feed": {"token": "calendar_token"},
    "programme:exercise_assumptions": {"pk": "meeting_1"},
    "programme:assumptions_reveal": {"pk": "meeting_1"},
    "programme:assumption_review": {"pk": "assumption"},
    "programme:assumption_remove": {"pk": "assumption"},
    "programme:scenario_create": {"pk": "meeting", "choice_pk": "dilemma_choice"},
    "programme:scenario_edit": {"pk": "scenario"},
    "programme:exercise_recommendations": {"pk": "meeting_5"},
    "programme:recommendations_pdf": {"pk": "meeting_5"},
    "programme:recommendation_comment": {"pk": "recommendation"},
    "programme:recommendation_endorse": {"pk": "recommendation"},
    "programme:recommendation_publish": {"pk": "recommendation"},
    "programme:recommendation_merge": {"pk": "other_recommendation"},
    "programme:exercise_evaluation": {"pk": "meeting_6"},
    "programme:evaluation_close": {"pk": "meeting_6"},
    "programme:principle_add": {"pk": "meeting_6"},
    "programme:principle_delete": {"pk": "principle"},
    # matching
    **{
        f"matching:{name}": {"pk": "programme"}
        for name in (
            "programme",
            "weights",
            "rule_add",
            "run_create",
            "advisor_profile",
            "programme_cases",
        )
    },
    "matching:company_profile": {"pk": "programme", "company_pk": "company"},
    "matching:rule_remove": {"pk": "pair_rule"},
    "matching:advisor_withdraw": {"pk": "advisor_profile"},
    **{
        f"matching:{name}": {"pk": "draft_run"}
        for name in ("run", "run_override", "run_swap", "run_confirm", "run_discard", "run_csv")
    },
    **{
        f"matching:{name}": {"pk": "case"}
        for name in (
            "case_detail",
            "case_phase",
            "case_goal_add",
            "case_meeting_add",
            "case_task_add",
            "case_input_save",
            "case_note_add",
        )
    },
    **{
        f"matching:{name}": {"pk": "case", "goal_pk": "goal"}
        for name in ("case_goal_edit", "case_goal_status", "case_goal_move")
    },
    "matching:case_meeting_edit": {"pk": "case", "meeting_pk": "case_meeting"},
    "matching:case_task_edit": {"pk": "case", "task_pk": "task"},
    "matching:case_task_done": {"pk": "case", "task_pk": "task"},
    "matching:case_note_edit": {"pk": "case", "note_pk": "shared_note"},
    "matching:case_note_delete": {"pk": "case", "note_pk": "shared_note"},
    # logbook
    **{
        f"logbook:{name}": {"pk": "logbook"}
        for name in (
            "detail",
            "entry_create",
            "entry_autosave",
            "entry_draft_discard",
            "entries_deleted",
            "consent",
            "access_log",
            "access_log_csv",
            "readiness",
            "critical_situations",
            "change_logics",
            "export",
            "export_csv",
            "export_json",
        )
    },
    **{
        f"logbook:{name}": {"pk": "logbook", "entry_pk": "entry"}
        for name in ("entry_detail", "entry_edit", "entry_delete", "entry_comment", "entry_history")
    },
    "logbook:entry_undelete": {"pk": "logbook", "entry_pk": "deleted_entry"},
    "logbook:entry_version": {"pk": "logbook", "entry_pk": "entry", "number": "old_version"},
    "logbook:entry_version_restore": {
        "pk": "logbook",
        "entry_pk": "entry",
        "number": "old_version",
    },
    "logbook:critical_situation_edit": {"pk": "logbook", "situation_pk": "critical_situation"},
    "logbook:critical_situation_delete": {"pk": "logbook", "situation_pk": "critical_situation"},
    "logbook:change_logic": {"pk": "logbook", "entry_pk": "initiative"},
    "logbook:export_status": {"pk": "logbook", "export_pk": "logbook_export"},
    "logbook:export_download": {"pk": "logbook", "export_pk": "logbook_export"},
    "logbook:research_dataset": {"pk": "programme"},
    # core: the subject company's owner's notification
    "core:notification_read": {"pk": "notification"},
    "core:notification_open": {"pk": "notification"},
}

MARK = {key: marker.text for key, marker in matrix.MARKERS.items()}


@dataclass
class World:
    users: dict[str, User | None]
    objects: dict[str, dict[str, object]]  # subject "A" / "B" → object name → value
    media_root: Path
    people: dict[str, User] = field(default_factory=dict)

    def url_kwargs(self, key: str, subject: str) -> dict[str, object]:
        objects = self.objects[subject]
        return {kwarg: objects[name] for kwarg, name in URL_OBJECTS.get(key, {}).items()}


@pytest.fixture(scope="module")
def permission_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, in a transaction of its own that is rolled back after the module."""
    media_root = tmp_path_factory.mktemp("permission-matrix-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root)),
        transaction.atomic(),
    ):
        world = build_world(media_root)
        yield world
        transaction.set_rollback(True)


# --- Building it ---------------------------------------------------------------------


def build_world(media_root: Path) -> World:
    now = timezone.now()
    people = _people()
    programme, meetings = _programme(people["facilitator"], now)
    _other_programme(people["facilitator_other"], now)
    for org in ("company_a", "company_b", "unit_u", "unit_v"):
        Enrolment.objects.create(programme=programme, organisation=people[org])
    shared = {
        "programme": programme.pk,
        **{name: meeting.pk for name, meeting in meetings.items()},
        **_matching(programme, people),
        **_meeting_objects(meetings, people),
        **_exercises(meetings, people),
        **_knowledge(people["facilitator"]),
        **_allauth_keys(),
    }
    sides = {
        "A": _company_side(programme, meetings, people, "a", share_with_researchers=True),
        "B": _company_side(programme, meetings, people, "b", share_with_researchers=False),
    }
    users = {
        matrix.ANONYMOUS: None,
        matrix.OWNER_A: people["owner_a"],
        matrix.OWNER_B: people["owner_b"],
        matrix.ADVISOR_A: people["advisor_a"],
        matrix.ADVISOR_OTHER: people["advisor_b"],
        matrix.UNIT_COLLEAGUE: people["colleague"],
        matrix.FACILITATOR: people["facilitator"],
        matrix.FACILITATOR_NO_CONSENT: people["facilitator"],
        matrix.FACILITATOR_OTHER: people["facilitator_other"],
        matrix.STAFF: people["staff"],
        matrix.SUPERUSER: people["superuser"],
    }
    for user in {u for u in users.values() if u is not None}:
        Notification.objects.create(
            recipient=user, kind="matrix", title="Matrix", link="/", cause="matrix"
        )
    for subject, side in sides.items():
        side["notification"] = Notification.objects.get(
            recipient=people[f"owner_{subject.lower()}"], cause="matrix"
        ).pk
    objects = {subject: {**shared, **side} for subject, side in sides.items()}
    return World(users=users, objects=objects, media_root=media_root, people=people)


def _people() -> dict:
    facilitator_org = factories.FacilitatorOrgFactory(name="Facilitatorteam BIFROST")
    other_facilitator_org = factories.FacilitatorOrgFactory(name="Facilitatorteam Andet Forløb")
    company_a = factories.OrganisationFactory(name="Lokalavisen Matrix ApS")
    company_b = factories.OrganisationFactory(name="Forlaget Matrix ApS", industry="communication")
    unit_u = factories.AdvisoryUnitFactory(name="Rådgiverenhed Matrix U")
    unit_v = factories.AdvisoryUnitFactory(name="Rådgiverenhed Matrix V")
    return {
        "company_a": company_a,
        "company_b": company_b,
        "unit_u": unit_u,
        "unit_v": unit_v,
        "owner_a": factories.smv_owner(organisation=company_a, user__full_name="Anne Ejer"),
        "owner_b": factories.smv_owner(organisation=company_b, user__full_name="Bent Ejer"),
        "advisor_a": factories.advisor(organisation=unit_u, user__full_name="Ulla Rådgiver"),
        "colleague": factories.advisor(organisation=unit_u, user__full_name="Uffe Kollega"),
        "advisor_b": factories.advisor(organisation=unit_v, user__full_name="Vera Rådgiver"),
        "facilitator": factories.facilitator(
            organisation=facilitator_org, user__full_name="Frida Facilitator"
        ),
        "facilitator_other": factories.facilitator(
            organisation=other_facilitator_org, user__full_name="Frank Andenfacilitator"
        ),
        "staff": factories.UserFactory(is_staff=True, full_name="Sune Drift"),
        "superuser": factories.UserFactory(
            is_staff=True, is_superuser=True, full_name="Signe Superbruger"
        ),
    }


def _programme(facilitator: User, now) -> tuple[Programme, dict[str, Meeting]]:
    """P with a kick-off (companies only) and meetings 1–6 three weeks apart; meeting 2
    (the matching meeting) is today, 3–6 are still to come."""
    start = now.replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(weeks=6)
    programme = Programme.objects.create(
        name="BIFROST Matrix",
        description="Forløb for matrixtesten",
        starts_on=timezone.localdate(start),
        ends_on=timezone.localdate(start + timedelta(weeks=20)),
        created_by=facilitator,
    )
    meetings = {}
    for number in range(7):
        starts_at = start + timedelta(weeks=3 * number)
        meetings[number] = Meeting.objects.create(
            programme=programme,
            number=number,
            title="Opstartsmøde" if number == 0 else f"Udviklingsmøde {number}",
            audience=Meeting.Audience.SMV_ONLY if number == 0 else Meeting.Audience.ALL,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=4),
            place="Kulturhuset",
            preparation_task="Tag jeres erfaringer med." if number else "",
            preparation_due=timezone.localdate(starts_at) - timedelta(days=2),
        )
    named = {"kickoff": meetings[0], "meeting": meetings[2]}
    named.update({f"meeting_{n}": meetings[n] for n in (1, 3, 5, 6)})
    return programme, named


def _other_programme(facilitator: User, now) -> Programme:
    programme = Programme.objects.create(
        name="Andet forløb",
        starts_on=timezone.localdate(now),
        ends_on=timezone.localdate(now + timedelta(weeks=20)),
        created_by=facilitator,
    )
    Meeting.objects.create(
        programme=programme,
        number=0,
        title="Opstartsmøde (andet forløb)",
        audience=Meeting.Audience.SMV_ONLY,
        starts_at=now + timedelta(weeks=1),
        ends_at=now + timedelta(weeks=1, hours=3),
    )
    return programme


def _matching(programme: Programme, people: dict) -> dict:
    """Profiles, a lock, the confirmed run behind the cases and a newer draft run."""
    facilitator = people["facilitator"]
    profile = AdvisorProfileFactory(
        programme=programme, unit=people["unit_u"], advisor=people["advisor_a"]
    )
    AdvisorProfileFactory(programme=programme, unit=people["unit_u"], advisor=people["colleague"])
    AdvisorProfileFactory(programme=programme, unit=people["unit_v"], advisor=people["advisor_b"])
    rule = PairRule.objects.create(
        programme=programme,
        company=people["company_a"],
        advisor=people["advisor_a"],
        kind=PairRule.Kind.LOCK,
        created_by=facilitator,
    )
    confirmed = _run(programme, people, status=MatchRun.Status.CONFIRMED)
    draft = _run(programme, people, status=MatchRun.Status.DRAFT)
    people["pairs"] = {pair.company_id: pair for pair in confirmed.pairs.all()}
    return {"advisor_profile": profile.pk, "pair_rule": rule.pk, "draft_run": draft.pk}


def _run(programme: Programme, people: dict, *, status: str) -> MatchRun:
    pairs = [
        (people["company_a"], people["advisor_a"], people["unit_u"]),
        (people["company_b"], people["advisor_b"], people["unit_v"]),
    ]
    inputs = {
        "companies": [{"id": c.pk, "name": c.name, "profile": {}} for c, _a, _u in pairs],
        "advisors": [
            {
                "id": a.pk,
                "name": a.full_name,
                "unit_id": u.pk,
                "unit_name": u.name,
                "capacity": 1,
                "available": True,
            }
            for _c, a, u in pairs
        ],
        "rules": [],
        "kept": [],
    }
    confirmed = status == MatchRun.Status.CONFIRMED
    run = MatchRunFactory(
        programme=programme,
        status=status,
        weights={"challenge": 4, "industry": 2, "region_format": 2, "role": 2},
        inputs=inputs,
        created_by=people["facilitator"],
        confirmed_by=people["facilitator"] if confirmed else None,
        confirmed_at=timezone.now() if confirmed else None,
    )
    for company, advisor, _unit in pairs:
        MatchPairFactory(run=run, company=company, advisor=advisor, score=70)
    return run


def _meeting_objects(meetings: dict, people: dict) -> dict:
    """Meeting 2's agenda item with material, its agenda PDF, attendance, a company's
    preparation, and A's owner's calendar feed."""
    meeting = meetings["meeting"]
    material = default_storage.save("agenda/matrix/program.txt", ContentFile(b"Dagens program"))
    item = AgendaItem.objects.create(
        meeting=meeting, position=0, title="Velkomst", duration_minutes=30, material=material
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Workshop", duration_minutes=90)
    export_file = default_storage.save("exports/agenda/matrix.pdf", ContentFile(b"%PDF-1.4 x"))
    export = AgendaExport.objects.create(
        meeting=meeting,
        version="0" * 64,
        file=export_file,
        status=AgendaExport.Status.DONE,
        progress=100,
        requested_by=people["owner_a"],
        finished_at=timezone.now(),
    )
    Attendance.objects.create(meeting=meetings["meeting_1"], user=people["owner_a"], present=True)
    PreparationStatus.objects.create(
        meeting=meeting,
        organisation=people["company_a"],
        text="Vi har talt med ledergruppen.",
        updated_by=people["owner_a"],
    )
    token = "matrix-calendar-token-owner-a"
    CalendarFeed.objects.create(user=people["owner_a"], token_hash=CalendarFeed.hash(token))
    return {"agenda_item": item.pk, "agenda_export": export.pk, "calendar_token": token}


def _exercises(meetings: dict, people: dict) -> dict:
    """One of each exercise object: an assumption (meeting 1), a chosen dilemma and its
    play (meeting 2), two recommendations (5), an evaluation and a principle (6)."""
    owner, advisor = people["owner_a"], people["advisor_a"]
    author = factories.smv_owner(
        organisation=people["company_a"], user__full_name=MARK["anonymous_author"]
    )
    assumption = Assumption.objects.create(
        meeting=meetings["meeting_1"],
        author=author,
        side=Assumption.Side.SMVS,
        text="Rådgivere kender ikke vores hverdag.",
        anonymous=True,
    )
    dilemma = Dilemma.objects.create(
        title="Skal kollegerne vide det?", description="Hvor meget fortæller lederen?"
    )
    choice = DilemmaChoice.objects.create(
        meeting=meetings["meeting"],
        company=people["company_a"],
        dilemma=dilemma,
        concrete_description="Hos os handler det om deadlines.",
        chosen_by=owner,
    )
    scenario = Scenario.objects.create(
        choice=choice,
        meeting=meetings["meeting"],
        title="Deadline-dilemmaet",
        script="To roller, fem minutter.",
        created_by=people["facilitator"],
    )
    recommendation = Recommendation.objects.create(
        meeting=meetings["meeting_5"],
        author=owner,
        text="Aftal tidligt, hvem der holder kontakten.",
        published_at=timezone.now(),
    )
    other = Recommendation.objects.create(
        meeting=meetings["meeting_5"], author=advisor, text="Mød virksomheden, hvor den er."
    )
    RecommendationComment.objects.create(recommendation=recommendation, author=advisor, text="Ja.")
    Endorsement.objects.create(recommendation=recommendation, user=people["owner_b"])
    EvaluationResponse.objects.create(
        meeting=meetings["meeting_6"], respondent=owner, answers={}, free_text="Godt forløb."
    )
    principle = Principle.objects.create(
        meeting=meetings["meeting_6"], title="Én koordinerer", created_by=people["facilitator"]
    )
    return {
        "assumption": assumption.pk,
        "dilemma_choice": choice.pk,
        "scenario": scenario.pk,
        "recommendation": recommendation.pk,
        "other_recommendation": other.pk,
        "principle": principle.pk,
    }


def _knowledge(facilitator: User) -> dict:
    """A section intro and a published page in it (with a revision), and a draft."""
    section = Section.METHOD

    def make(slug: str, title: str, status: str) -> Page:
        published = status == Page.Status.PUBLISHED
        body = f"Om {title.lower()}."
        return Page.objects.create(
            section=section,
            kind=Kind.ARTICLE,
            slug=slug,
            title=title,
            body=body,
            body_html=f"<p>{body}</p>",
            body_text=body,
            status=status,
            published_at=timezone.now() if published else None,
            first_published_at=timezone.now() if published else None,
        )

    make(section.value, "Brobyggermetoden", Page.Status.PUBLISHED)
    page = make("matrix-samarbejde", "Samarbejde om fastholdelse", Page.Status.PUBLISHED)
    draft = make("matrix-kladde", "Kladde om rollerne", Page.Status.DRAFT)
    content = {
        "section": section.value,
        "kind": Kind.ARTICLE,
        "slug": page.slug,
        "order": page.order,
        "title": page.title,
        "summary": "",
        "body": "En tidligere udgave.",
        "fields": {},
        "title_en": "",
        "summary_en": "",
        "body_en": "",
        "related": [],
    }
    revision = PageRevision.objects.create(
        page=page, content=content, created_by=facilitator, published=True
    )
    return {
        "section": section.value,
        "page_slug": page.slug,
        "page": page.pk,
        "draft_page": draft.pk,
        "revision": revision.pk,
    }


def _allauth_keys() -> dict:
    """The e-mail confirmation key and a password-reset key of a person who has just
    been invited (address not verified yet). Not one of the roles: a role's login
    would change their last login, which voids their reset keys."""
    pending = factories.UserFactory(email="pending@example.test", verified=False)
    pending.save()  # the factory saves the password only for verified people
    address = EmailAddress.objects.create(
        user=pending, email=pending.email, verified=False, primary=True
    )
    return {
        "reset_uidb36": user_pk_to_url_str(pending),
        "reset_key": default_token_generator.make_token(pending),
        "email_confirmation_key": EmailConfirmationHMAC(address).key,
    }


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
    return {
        "company": company.pk,
        "enrolment": Enrolment.objects.get(programme=programme, organisation=company).pk,
        "invitation": invitation.pk,
        "invitation_token": token,
        **case_objects,
        **logbook_objects,
    }


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
    people[f"goal_{side}"] = goal
    return {
        "case": case.pk,
        "goal": goal.pk,
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
    return {
        "logbook": logbook.pk,
        "entry": entry.pk,
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
    goal, with the advisor's comment and the owner's unsaved drafts."""
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
    EntryComment.objects.create(entry=entry, author=advisor, text=f"Godt set. {secret}")
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


# --- The run's summary (printed by tests/security/conftest.py) ------------------------

REPORT = pytest.StashKey[list[str]]()


@pytest.fixture
def matrix_report(request) -> list[str]:
    """Lines for the terminal summary: the matrix size and the known findings."""
    return request.config.stash.setdefault(REPORT, [])
