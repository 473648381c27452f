"""Demo: the 2019 programme with all seven meetings, agendas, preparation and minutes."""

from datetime import date, timedelta

from django.utils import timezone

from bifrost.accounts.models import Membership, Organisation, User
from programme.exercises.dilemmas import services as dilemma_services
from programme.exercises.prejudice_game import services as prejudice_game_services
from programme.exercises.recommendations import services as recommendation_services
from programme.meetings import services as meeting_services
from programme.meetings.selectors import meeting_participants
from programme.models import Dilemma, Enrolment, Programme
from programme.programmes import services as programme_services

DEMO_NAME = "BIFROST-forløbet 2019 (demo)"
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


def load(stdout=None) -> None:
    if Programme.objects.filter(name=DEMO_NAME).exists():
        return
    facilitator = User.objects.filter(email="facilitator@bifrost.example").first()
    programme = programme_services.programme_create_from_template(
        name=DEMO_NAME,
        description=(
            "Et fiktivt forløb med seks virksomheder fra finans, medier og kommunikation og "
            "seks rådgiverenheder: et opstartsmøde og seks udviklingsmøder fra maj til november."
        ),
        starts_on=date(2019, 5, 6),
        ends_on=date(2019, 11, 29),
        user=facilitator,
    )
    organisations = Organisation.objects.filter(
        kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.ADVISORY_UNIT],
        name__endswith="(demo)",
    )
    Enrolment.objects.bulk_create(
        Enrolment(programme=programme, organisation=organisation) for organisation in organisations
    )
    companies = [o for o in organisations if o.kind == Organisation.Kind.COMPANY]
    now = timezone.now()
    for meeting in programme.meetings.order_by("number"):
        task = PREPARATION.get(meeting.number, "")
        due = timezone.localtime(meeting.starts_at).date() - timedelta(days=3) if task else None
        meeting.place = PLACE
        meeting.preparation_task = task
        meeting.preparation_due = due
        if meeting.number in MINUTES and meeting.ends_at < now:
            meeting.minutes = MINUTES[meeting.number]
            meeting.minutes_published_at = meeting.ends_at + timedelta(days=2)
        meeting.save()
        if task and meeting.ends_at < now:
            # Most companies did their homework; one or two did not.
            for company in companies[: 4 + meeting.number % 3]:
                meeting_services.preparation_submit(
                    meeting=meeting,
                    organisation=company,
                    user=None,
                    text="Vi har drøftet opgaven på ledermødet og noteret vores svar i logbogen.",
                    done=True,
                )
        if meeting.ends_at < now:
            participants = set(meeting_participants(meeting).values_list("pk", flat=True))
            present = {pk for index, pk in enumerate(sorted(participants)) if index % 5 != 4}
            meeting_services.attendance_record(
                meeting=meeting, present_user_ids=present, participant_ids=participants
            )
    _exercises(programme)
    if stdout is not None:
        stdout.write(f"Created the demo programme “{DEMO_NAME}”.")


def _exercises(programme) -> None:
    """Some exercises filled in, as they would be after the meetings."""
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
    dilemmas = list(Dilemma.objects.order_by("pk")[:3])
    for membership, dilemma in zip(owners[:3], dilemmas, strict=False):
        dilemma_services.dilemma_choose(
            meeting=meetings[2],
            company=membership.organisation,
            dilemma=dilemma,
            concrete_description="Hos os sker det især i de travle uger op til deadline.",
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
