"""Demo: the programme with all seven meetings, agendas, preparation and minutes.

Dated around the day it is loaded (`programme.demo_calendar`): the kick-off and
meetings 1–3 are held (minutes, attendance, preparation, exercises), meeting 4 is
a few days ahead with its preparation open and its reminders planned, 5 and 6 later.
An earlier, finished round (`programme.demo_first_round`) gave the knowledge site
its recommendations, principles and tools.
"""

import datetime

from bifrost.accounts.models import Membership, Organisation, User
from bifrost.core.notifications.demo import notifications_date
from knowledge.models import Page
from programme import demo_first_round
from programme.demo_calendar import NEXT_MEETING, DemoCalendar, demo_calendar
from programme.exercises.dilemmas import services as dilemma_services
from programme.exercises.prejudice_game import services as prejudice_game_services
from programme.exercises.recommendations import services as recommendation_services
from programme.meetings import notifications as meeting_notifications
from programme.meetings import services as meeting_services
from programme.meetings.selectors import meeting_participants
from programme.models import (
    Assumption,
    Dilemma,
    Enrolment,
    ExerciseState,
    PreparationStatus,
    Programme,
)
from programme.programmes import services as programme_services
from programme.reminders import services as reminder_services

DEMO_NAME = "BIFROST-forløbet (demo)"
# Earlier demos, dated May–November 2019. One of them in the database is left as it
# is (a rerun changes nothing); `demo_data --reset` removes it and loads today's.
LEGACY_NAMES = ("BIFROST-forløbet 2019 (demo)",)
PLACE = "Mødecenter Broen, lokale 2 (fiktivt)"

PREPARATION = {
    1: "Skriv tre antagelser ned om, hvordan den anden part (rådgivere eller SMV'er) ser på samarbejde om psykisk arbejdsmiljø.",
    2: "Tænk på en konkret situation, hvor det var svært at vide, hvad I skulle gøre over for en medarbejder under pres. Beskriv den kort uden navne.",
    3: "Aftal med jeres rådgiver, hvad jeres fælles udviklingsmål er, og skriv dem i logbogen.",
    4: "Vælg det dilemma, I gerne vil se spillet igennem, og skriv, hvad der gør det svært.",
    5: "Notér to erfaringer fra samarbejdet med rådgiveren, som andre virksomheder kan lære af.",
    6: "Læs jeres logbog igennem og marker, hvad der har hjulpet mest.",
}

MINUTES = {
    0: "Virksomhederne præsenterede sig og fortalte, hvor presset typisk opstår i deres hverdag. Vi gennemgik tal for psykiske helbredsproblemer i brancherne og for, hvor lidt de mindste virksomheder bruger ekstern rådgivning. Aftalt: alle starter en logbog inden udviklingsmøde 1.",
    1: "Fordomsspillet gav mange grin og et par aha-oplevelser. Flere rådgivere havde forventet, at ejerlederne mest ville have hurtige løsninger, mens virksomhederne især savnede en rådgiver, der kender deres branche. De fleste antagelser blev nuanceret efter drøftelsen.",
    2: "Hver virksomhed konkretiserede et dilemma om fastholdelse. Virksomheder og rådgivere blev matchet, og parrene aftalte et første møde inden for tre uger.",
    3: "Parrene fortalte om deres første møder. Vi samlede fokusområder for et godt samarbejde: tydelige forventninger, fælles sprog og små skridt, der kan mærkes i hverdagen.",
    4: "Tre dilemmaer blev spillet igennem af skuespillere og justeret, så de lignede virksomhedernes virkelighed. Drøftelsen handlede især om, hvornår og hvordan lederen tager den svære samtale.",
    5: "Vi formulerede et første sæt anbefalinger til brobyggende rådgivning om fastholdelse og sorterede dubletter fra. Facilitatorerne samler det endelige sæt til næste gang.",
}


def demo_programmes():
    """The demo programme and any older one (what `demo_data --reset` removes)."""
    return Programme.objects.filter(name__in=(DEMO_NAME, *LEGACY_NAMES))


def reset(stdout=None) -> None:
    """Remove the demo programmes (meetings, enrolments, cases, logbooks go with them)
    and the knowledge pages drafted from them (with their provenance and approvals)."""
    names = (DEMO_NAME, *LEGACY_NAMES, demo_first_round.FIRST_ROUND_NAME)
    Page.objects.filter(provenance__programme_name__in=names).delete()
    deleted, _per_model = Programme.objects.filter(name__in=names).delete()
    if stdout is not None and deleted:
        stdout.write(f"Removed the demo programme ({deleted} rows).")


def load(stdout=None, today: datetime.date | None = None) -> None:
    facilitator = User.objects.filter(email="facilitator@bifrost.example").first()
    made = demo_first_round.load(facilitator=facilitator, today=today or demo_calendar().today)
    if made and stdout is not None:
        stdout.write(f"Created “{demo_first_round.FIRST_ROUND_NAME}” and its knowledge pages.")
    if demo_programmes().exists():
        return
    calendar = demo_calendar(today)
    programme = programme_services.programme_create_from_template(
        name=DEMO_NAME,
        description=(
            "Et fiktivt forløb med seks virksomheder fra finans, medier og kommunikation og "
            "seks rådgiverenheder: et opstartsmøde og seks udviklingsmøder over et halvt år."
        ),
        starts_on=calendar.starts_on,
        ends_on=calendar.ends_on,
        user=facilitator,
    )
    organisations = Organisation.objects.filter(
        kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.ADVISORY_UNIT],
        name__endswith="(demo)",
    ).order_by("name")
    Enrolment.objects.bulk_create(
        Enrolment(programme=programme, organisation=organisation) for organisation in organisations
    )
    companies = [o for o in organisations if o.kind == Organisation.Kind.COMPANY]
    for meeting in programme.meetings.order_by("number"):
        _date_meeting(meeting, calendar)
        if calendar.is_held(meeting.number):
            _held(meeting, companies, calendar)
        elif meeting.number == NEXT_MEETING:
            _preparing(meeting, companies, calendar)
    _exercises(programme, calendar)
    _minutes_news(programme)
    # The reminders of the coming meetings, as saving a meeting in the app plans them.
    for meeting in programme.meetings.filter(number__gte=NEXT_MEETING):
        reminder_services.reminders_plan_for_meeting(meeting_id=meeting.pk)
    if stdout is not None:
        stdout.write(f"Created the demo programme “{DEMO_NAME}”.")


def _minutes_news(programme) -> None:
    """The participants were told when each held meeting's minutes came out."""
    for meeting in programme.meetings.filter(minutes_published_at__isnull=False):
        meeting_notifications.minutes_published(meeting=meeting)
        notifications_date(cause=f"minutes:{meeting.pk}", at=meeting.minutes_published_at)


def _date_meeting(meeting, calendar: DemoCalendar) -> None:
    task = PREPARATION.get(meeting.number, "")
    meeting.starts_at, meeting.ends_at = calendar.meeting_times(meeting.number)
    meeting.place = PLACE
    meeting.preparation_task = task
    meeting.preparation_due = calendar.preparation_due(meeting.number) if task else None
    if meeting.number in MINUTES and calendar.is_held(meeting.number):
        meeting.minutes = MINUTES[meeting.number]
        meeting.minutes_published_at = meeting.ends_at + datetime.timedelta(days=2)
    meeting.save()


def _prepare(meeting, company, calendar: DemoCalendar, *, days_before: int, done: bool) -> None:
    meeting_services.preparation_submit(
        meeting=meeting,
        organisation=company,
        user=None,
        text="Vi har drøftet opgaven på ledermødet og noteret vores svar i logbogen.",
        done=done,
    )
    day = calendar.past(meeting.preparation_due - datetime.timedelta(days=days_before))
    PreparationStatus.objects.filter(
        meeting=meeting, organisation=company, done_at__isnull=False
    ).update(done_at=calendar.at(day, datetime.time(15, 0)))


def _held(meeting, companies, calendar: DemoCalendar) -> None:
    if meeting.preparation_task:
        # Most companies did their homework; one or two did not.
        for index, company in enumerate(companies[: 4 + meeting.number % 3]):
            _prepare(meeting, company, calendar, days_before=index % 3, done=True)
    participants = set(meeting_participants(meeting).values_list("pk", flat=True))
    present = {pk for index, pk in enumerate(sorted(participants)) if index % 5 != 4}
    meeting_services.attendance_record(
        meeting=meeting, present_user_ids=present, participant_ids=participants
    )


def _preparing(meeting, companies, calendar: DemoCalendar) -> None:
    """The coming meeting: two companies are done preparing, one has started."""
    for index, company in enumerate(companies[:3]):
        _prepare(meeting, company, calendar, days_before=4 - index, done=index < 2)


def _exercises(programme, calendar: DemoCalendar) -> None:
    """The held meetings' exercises filled in (the prejudice game revealed); the
    coming meeting's dilemma workshop open, with one company's choice made."""
    dilemma_services.dilemma_seed_catalogue()
    meetings = {m.number: m for m in programme.meetings.all()}
    owners = list(
        Membership.objects.filter(organisation__name__endswith="(demo)", role="smv_owner")
        .select_related("user", "organisation")
        .order_by("organisation__name")
    )
    advisors = list(
        Membership.objects.filter(organisation__name__endswith="(demo)", role="advisor")
        .select_related("user")
        .order_by("organisation__name")
    )
    assumptions_smv = [
        "Rådgivere har standardløsninger, der passer til store virksomheder.",
        "En rådgiver koster mere, end vi kan nå at få igen.",
        "Rådgiveren kender ikke vores hverdag med deadlines.",
    ]
    assumptions_advisor = [
        "Små virksomheder ringer først, når det brænder.",
        "Ejerlederen vil helst klare det selv.",
        "Der er ikke tid til forebyggelse i en lille virksomhed.",
    ]
    for membership, text in zip(owners, assumptions_smv, strict=False):
        prejudice_game_services.assumption_add(
            meeting=meetings[1], author=membership.user, side="smvs", text=text, anonymous=True
        )
    for membership, text in zip(advisors, assumptions_advisor, strict=False):
        prejudice_game_services.assumption_add(
            meeting=meetings[1], author=membership.user, side="advisors", text=text, anonymous=False
        )
    _assumptions_discussed(meetings[1])
    dilemmas = list(Dilemma.objects.order_by("pk")[:3])
    for membership, dilemma in zip(owners[:3], dilemmas, strict=False):
        dilemma_services.dilemma_choose(
            meeting=meetings[2],
            company=membership.organisation,
            dilemma=dilemma,
            concrete_description="Hos os sker det især i de travle uger op til deadline.",
            user=membership.user,
        )
    # The coming workshop: one company has already picked the dilemma it will play.
    for membership, dilemma in zip(owners[3:4], dilemmas[1:2], strict=False):
        dilemma_services.dilemma_choose(
            meeting=meetings[NEXT_MEETING],
            company=membership.organisation,
            dilemma=dilemma,
            concrete_description="Vi kender det fra sidste sæson, hvor alt skulle nås på én gang.",
            user=membership.user,
        )
    for membership, text in zip(
        owners[:2] + advisors[:2],
        [
            "Rådgiveren bør besøge virksomheden, før der foreslås et forløb.",
            "Aftal små, konkrete skridt, som kan mærkes i hverdagen.",
            "Brug virksomhedens eget sprog om stress og trivsel.",
            "Gør det let at ringe til rådgiveren mellem møderne.",
        ],
        strict=False,
    ):
        recommendation_services.recommendation_propose(
            meeting=meetings[5], author=membership.user, text=text
        )


def _assumptions_discussed(meeting) -> None:
    """Meeting 1 is held: the board was revealed there and most assumptions discussed."""
    prejudice_game_services.assumptions_reveal(meeting=meeting, revealed=True)
    revealed_at = meeting.starts_at + datetime.timedelta(hours=2)
    ExerciseState.objects.filter(meeting=meeting).update(assumptions_revealed_at=revealed_at)
    notifications_date(cause=f"board-revealed:{meeting.pk}", at=revealed_at)
    statuses = [Assumption.Status.CHANGED, Assumption.Status.CONFIRMED]
    for index, assumption in enumerate(meeting.assumptions.order_by("pk")[:4]):
        prejudice_game_services.assumption_review(
            assumption=assumption,
            status=statuses[index % 2],
            note="Drøftet i plenum." if index % 2 else "Nuanceret efter drøftelsen.",
        )
