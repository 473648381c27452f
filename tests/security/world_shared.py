"""The permission world's shared half: people, the programmes and their meetings,
matching, meeting objects, exercises, knowledge pages and allauth's keys."""

from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from bifrost.accounts.models import User
from knowledge.models import Kind, Page, PageRevision, Section
from matching.models import (
    MatchRun,
    PairRule,
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
from tests.matching.factories import (
    AdvisorProfileFactory,
    MatchPairFactory,
    MatchRunFactory,
)
from tests.security import matrix

#: The leak markers' texts, planted in the world (matrix.MARKERS says who may read each).
MARK = {key: marker.text for key, marker in matrix.MARKERS.items()}


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
