"""Demo: logbooks of the six demo companies in the demo programme.

Dated by the demo calendar (`programme.demo_calendar`): entries written as
(development meeting, days after it) and spread over the weeks since the
kick-off, none after yesterday; the last readiness check about a month ago, so
the next one is suggested around today.

Every text below is invented for the demo. No entry names an employee or
gives health details; the companies describe situations, not people. Runs
after the programme (and matching) demos; safe to run again: a logbook that
already has entries is left as it is.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from bifrost.accounts.models import AccessLogEntry, Organisation, Role, User
from bifrost.core.notifications.demo import notifications_date
from knowledge.models import Page
from logbook import demo_case_pages
from logbook.comments import notifications as comment_notifications
from logbook.entries.schema import snapshot
from logbook.models import (
    ChangeLogic,
    CriticalSituation,
    Entry,
    EntryComment,
    EntryVersion,
    Logbook,
    ReadinessCheck,
)
from matching.models import Challenge
from programme.demo import DEMO_NAME as DEMO_PROGRAMME
from programme.demo_calendar import NEXT_MEETING, DemoCalendar, demo_calendar
from programme.models import Programme

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
K = Entry.Kind


@dataclass
class Initiative:
    title: str
    body: str
    for_whom: str
    when_text: str
    effect: str
    pages: list[str]  # knowledge page slugs
    drafts: list[str] = field(default_factory=list)  # earlier bodies (older versions)
    challenge_text: str = ""


@dataclass
class Company:
    number: int  # smvN / advisorN
    name: str
    challenge: str
    team: str
    problem: str
    problem_update: str
    initiatives: list[Initiative]
    hinders: list[str]
    helps: list[str]
    readiness: list[dict]
    situations: list[tuple[str, str, str]]
    share_with_researchers: bool = False
    share_with_advisor: bool = True


def _scores(*values: int) -> dict:
    keys = ("engagement", "expectations", "realism", "options", "considerations", "acceptance")
    return dict(zip(keys, values, strict=True))


COMPANIES = [
    Company(
        number=1,
        name="Sparekassen Solsikke (demo)",
        challenge=Challenge.RETURN_AFTER_LEAVE,
        team="rådgivningsteamet i filialen",
        problem=(
            "Når en kollega vender tilbage efter en længere sygemelding, ved teamet ikke, "
            "hvad de må spørge om, og lederen står alene med planlægningen. Vi vil blive bedre "
            "til at tage imod, så tilbagevenden ikke bliver en ny belastning for nogen."
        ),
        problem_update=(
            "Efter samtalen med rådgiveren ser vi, at det svære ikke er selve planen, men "
            "at teamet ikke er med i den. Vores fokus er nu modtagelsen i teamet."
        ),
        initiatives=[
            Initiative(
                title="Modtagelsesplan for tilbagevenden",
                body=(
                    "En fast skabelon for de første seks uger: hvilke opgaver der er med, "
                    "hvilke der venter, og hvornår vi følger op. Planen laves sammen med den, "
                    "der vender tilbage, og teamet får at vide, hvad der er aftalt om opgaverne."
                ),
                for_whom="Medarbejdere der vender tilbage, lederen og teamet",
                when_text="Fra nu af, ved hver tilbagevenden",
                effect=(
                    "En roligere start, færre misforståelser om opgaver og et team, der ved, "
                    "hvordan det kan hjælpe."
                ),
                pages=["tilpassede-opgaver-og-arbejdstid", "en-koordinerende-person"],
                drafts=[
                    "Skabelon for de første uger efter en sygemelding.",
                    "En skabelon for de første seks uger med opgaver og opfølgning.",
                ],
                challenge_text="Tilbagevenden efter sygemelding hviler på lederen alene.",
            ),
            Initiative(
                title="Kort teammøde før en kollega vender tilbage",
                body=(
                    "Et møde på en halv time, hvor lederen fortæller, hvad der er aftalt om "
                    "opgaver og tider, og teamet kan stille spørgsmål om samarbejdet."
                ),
                for_whom="Teamet i filialen",
                when_text="Ugen før tilbagevenden",
                effect="Teamet føler sig klædt på og undgår at gætte.",
                pages=["fravaer-med-mindst-belastning"],
            ),
        ],
        hinders=["Travle perioder med kundemøder", "Usikkerhed om, hvad man må spørge om"],
        helps=["En fast kontaktperson", "Korte, aftalte opfølgninger"],
        readiness=[_scores(2, 3, 2, 1, 2, 3), _scores(3, 3, 3, 2, 3, 3), _scores(4, 4, 3, 4, 4, 4)],
        situations=[
            (
                "work_pressure",
                "Kvartalsafslutningen faldt samtidig med, at en kollega var startet på "
                "nedsat tid. Opgaverne hobede sig op, og planen blev glemt i en uge.",
                "Lederen tog planen frem igen på teammødet, og to opgaver blev flyttet.",
            ),
        ],
        share_with_researchers=True,
    ),
    Company(
        number=2,
        name="Andelskassen Nordlys (demo)",
        challenge=Challenge.ORGANISATIONAL_CHANGE,
        team="kundeservice",
        problem=(
            "Vi lægger to afdelinger sammen og skifter kundesystem samme halvår. Mange er "
            "usikre på, hvad der sker med deres opgaver, og rygterne fylder mere end fakta."
        ),
        problem_update=(
            "Vi har set, at usikkerheden især handler om, hvem man skal spørge. Det vil vi "
            "gøre tydeligt, før vi taler om nye arbejdsgange."
        ),
        initiatives=[
            Initiative(
                title="Fast spørgetime om sammenlægningen",
                body=(
                    "Hver anden torsdag er der en åben time, hvor ledelsen svarer på spørgsmål "
                    "om sammenlægningen. Spørgsmål kan også stilles anonymt på forhånd."
                ),
                for_whom="Alle i kundeservice og back office",
                when_text="Resten af forløbet",
                effect="Færre rygter og en oplevelse af at blive hørt undervejs i forandringen.",
                pages=["arbejdspladsens-engagement", "viden-om-forebyggelse-og-tta"],
                drafts=["Åben spørgetime hver måned om sammenlægningen."],
                challenge_text="Forandringen skaber usikkerhed om opgaver og roller.",
            ),
            Initiative(
                title="Makkerordning i det nye system",
                body=(
                    "De, der har lært det nye system, følges med en kollega de første uger, "
                    "så ingen sidder alene med en kø af kunder og et ukendt skærmbillede."
                ),
                for_whom="Kundeservice",
                when_text="Ved overgangen til det nye system",
                effect="Mindre pres i de første uger og hurtigere tryghed i systemet.",
                pages=["tilpassede-opgaver-og-arbejdstid"],
            ),
        ],
        hinders=["Mange beslutninger træffes centralt", "Nyt system og nye kolleger på én gang"],
        helps=["Tydelige svar, også når svaret er 'det ved vi ikke endnu'", "Makkere"],
        readiness=[
            _scores(3, 2, 2, 2, 3, 3),
            _scores(3, 2, 3, 3, 3, 3),
            _scores(4, 3, 3, 3, 4, 3),
            _scores(4, 4, 4, 4, 4, 4),
        ],
        situations=[
            (
                "unclear_expectations",
                "Efter et personalemøde var flere i tvivl om, hvilke opgaver der flytter. "
                "Der opstod uro i teamet i flere dage.",
                "En skriftlig opsamling dagen efter og en ekstra spørgetime.",
            ),
        ],
    ),
    Company(
        number=3,
        name="Ugeavisen Vindrosen (demo)",
        challenge=Challenge.TEAM_COLLABORATION,
        team="redaktionen",
        problem=(
            "Overleveringer mellem journalister, fotografer og layout sker i sidste øjeblik. "
            "Onsdag aften før deadline bliver presset stort, og små fejl skaber konflikter."
        ),
        problem_update=(
            "Det er ikke mængden af arbejde, men de sene overleveringer, der presser. Vi "
            "vil arbejde med, hvornår og hvordan stof bliver afleveret."
        ),
        initiatives=[
            Initiative(
                title="Fast tjek-in om mandagen",
                body=(
                    "Et kvarter hver mandag morgen, hvor redaktionen gennemgår ugens sider, "
                    "aftaler afleveringstider og siger til, hvis noget ser ud til at skride."
                ),
                for_whom="Redaktion, fotografer og layout",
                when_text="Hver mandag fremover",
                effect="Færre sene overleveringer og mindre pres onsdag aften.",
                pages=["arbejdspladsens-engagement", "etablering-af-relationen"],
                drafts=[
                    "Kort møde om mandagen om ugens sider.",
                    "Et kvarter mandag morgen om ugens sider og afleveringstider.",
                ],
                challenge_text="Sene overleveringer skaber pres og konflikter før deadline.",
            ),
            Initiative(
                title="Afleveringstavle på redaktionen",
                body=(
                    "En tavle, hvor hver historie har en aftalt afleveringstid. Layout kan se, "
                    "hvad der mangler, uden at spørge rundt."
                ),
                for_whom="Hele redaktionen",
                when_text="Fra næste måned",
                effect="Overblik for layout og færre afbrydelser.",
                pages=["en-koordinerende-person"],
            ),
        ],
        hinders=["Breaking news vælter planen", "Vi glemmer tjek-in i travle uger"],
        helps=["Tavlen giver overblik", "At redaktøren går forrest"],
        readiness=[_scores(3, 3, 2, 2, 2, 3), _scores(4, 3, 3, 3, 3, 4), _scores(4, 4, 4, 3, 4, 4)],
        situations=[
            (
                "colleagues",
                "En sen ændring af forsiden førte til en skarp diskussion mellem to faggrupper "
                "lige før deadline.",
                "Redaktøren tog en kort snak dagen efter om, hvordan sene ændringer meldes ud.",
            ),
            (
                "concentration",
                "Mange afbrydelser i et storrumskontor i en uge med valgdækning gjorde det "
                "svært at skrive færdigt.",
                "Et stille rum kunne bookes om eftermiddagen.",
            ),
        ],
        share_with_researchers=True,
    ),
    Company(
        number=4,
        name="Forlaget Blækhuset (demo)",
        challenge=Challenge.STRESS_MANAGEMENT,
        team="det lille forlagsteam",
        problem=(
            "Vi er få, og alle laver lidt af hvert. Op til bogmessen og julesalget arbejder "
            "vi mange timer, og vi opdager først sent, når nogen er ved at køre sur."
        ),
        problem_update=(
            "Vi vil lære at se tegnene på stress tidligere og have en fælles måde at sige "
            "fra på, før det bliver for meget."
        ),
        initiatives=[
            Initiative(
                title="Fælles sprog for travlhed",
                body=(
                    "Vi bruger en enkel skala på det ugentlige møde: grøn, gul eller rød uge. "
                    "En rød uge betyder, at vi sammen ser på, hvad der kan vente."
                ),
                for_whom="Alle på forlaget",
                when_text="Fra nu og gennem sæsonen",
                effect="At presset bliver sagt højt i tide, og at opgaver kan flyttes.",
                pages=["viden-om-forebyggelse-og-tta", "vejen-ind"],
                drafts=["Vi taler om travlhed på mødet hver uge."],
                challenge_text="Pres i sæsonen opdages for sent i et lille team.",
            ),
        ],
        hinders=["Sæsonen kan ikke flyttes", "Vi vil ikke svigte forfatterne"],
        helps=["Skalaen er let at bruge", "Rådgiverens spørgsmål om, hvad der kan vente"],
        readiness=[_scores(2, 2, 2, 1, 2, 2), _scores(3, 2, 3, 2, 3, 3), _scores(3, 3, 3, 3, 3, 4)],
        situations=[
            (
                "work_pressure",
                "To bøger skulle i trykken samme uge som messen. Arbejdsdagene blev meget "
                "lange, og stemningen blev anspændt.",
                "Vi flyttede en udgivelse en måned og fordelte messevagterne på ny.",
            ),
        ],
    ),
    Company(
        number=5,
        name="Bureau Budbringer (demo)",
        challenge=Challenge.STRESS_POLICY,
        team="projektteamene",
        problem=(
            "Vi har en stresspolitik, men ingen kender den, og den siger ikke noget om, hvad "
            "vi gør i praksis. Kundernes forventninger om hurtige svar sætter dagsordenen."
        ),
        problem_update=(
            "Politikken skal være kort og handle om det, vi faktisk gør: svartider, "
            "aftaler om aftenarbejde og hvem man går til."
        ),
        initiatives=[
            Initiative(
                title="Ny stresspolitik på én side",
                body=(
                    "En arbejdsgruppe med ledelse og medarbejdere skriver politikken om, så "
                    "den kan læses på fem minutter og siger, hvad vi gør, når presset stiger."
                ),
                for_whom="Alle i bureauet",
                when_text="Over de næste tre måneder",
                effect="En politik, som folk kender og bruger, og klare aftaler om svartider.",
                pages=["arbejdspladsens-engagement", "viden-om-forebyggelse-og-tta"],
                drafts=[
                    "Vi skriver stresspolitikken om.",
                    "En arbejdsgruppe skriver politikken om, så den bliver kort og konkret.",
                ],
                challenge_text="Politikken findes, men bruges ikke i hverdagen.",
            ),
            Initiative(
                title="Aftale om svartider til kunder",
                body=(
                    "Vi melder ud til kunderne, at mails besvares inden for en arbejdsdag, og "
                    "at aftenarbejde kun sker efter aftale med projektlederen."
                ),
                for_whom="Projektteamene og kunderne",
                when_text="Fra næste måned",
                effect="Færre aftener med mails og mere ro om, hvad der forventes.",
                pages=["tilpassede-opgaver-og-arbejdstid"],
            ),
        ],
        hinders=["Kunder, der ringer sent", "Vane med at svare med det samme"],
        helps=["Ledelsen bakker op om svartiderne", "Arbejdsgruppen har energi"],
        readiness=[_scores(3, 3, 3, 2, 2, 2), _scores(3, 3, 3, 3, 3, 3), _scores(4, 4, 3, 4, 4, 3)],
        situations=[
            (
                "demanding_management",
                "En kunde krævede en ny præsentation til næste morgen, og opgaven blev givet "
                "videre uden at spørge, hvem der havde tid.",
                "Projektlederen tog efterfølgende en snak med kunden om tidsfrister.",
            ),
        ],
    ),
    Company(
        number=6,
        name="Kommunikationshuset Klokken (demo)",
        challenge=Challenge.LEADER_SPARRING,
        team="hele huset",
        problem=(
            "Som ejerleder i en lille virksomhed har jeg ingen at vende svære personalesager "
            "med. Jeg vil gerne handle tidligere, men er usikker på, hvad der er min rolle."
        ),
        problem_update=(
            "Jeg har brug for en fast sparringspartner og en plan for, hvordan jeg tager "
            "den første samtale, når jeg er bekymret for en medarbejders trivsel."
        ),
        initiatives=[
            Initiative(
                title="Sparring med rådgiveren hver måned",
                body=(
                    "En time om måneden, hvor jeg kan vende situationer med rådgiveren, før de "
                    "vokser sig store. Vi følger op på det, jeg har prøvet siden sidst."
                ),
                for_whom="Ejerlederen",
                when_text="Resten af forløbet",
                effect="At jeg tager samtaler tidligere og føler mig mindre alene med dem.",
                pages=["tidlig-stoettende-kontakt", "etablering-af-relationen"],
                drafts=["Fast sparring med rådgiveren."],
                challenge_text="Ejerlederen står alene med svære samtaler.",
            ),
        ],
        hinders=["Tid i kalenderen", "Frygt for at gøre det værre"],
        helps=["En fast aftale", "Konkrete spørgsmål at starte samtalen med"],
        readiness=[_scores(3, 2, 2, 2, 3, 3), _scores(4, 3, 3, 3, 3, 4), _scores(4, 4, 4, 4, 4, 4)],
        situations=[],
        share_with_advisor=False,
    ),
]

# Shared phrases, varied by company and month, for the entries around each meeting.
MEETING_INPUT = {
    1: "Vi vil gerne høre, hvordan andre små virksomheder bruger ekstern rådgivning, og "
    "fortælle om vores erfaring med {team}.",
    2: "Til dilemmaværkstedet tager vi en situation med, hvor det var svært at vide, hvor "
    "meget vi skulle tage hensyn, og hvor meget vi skulle forvente.",
    3: "Vi vil fortælle, hvad der har gjort de første møder med rådgiveren nyttige, og hvad "
    "vi savner i samarbejdet.",
    4: "Vi ønsker at spille dilemmaet om den svære samtale igennem, fordi det ligner noget, "
    "vi har stået i.",
    5: "Vores bud på en anbefaling: rådgiveren skal komme ud til os og lære vores hverdag "
    "at kende, før der foreslås et forløb.",
    6: "Vi tager med, hvad der har virket for {team}, og hvad vi vil fortsætte med efter forløbet.",
}
ADVISOR_EXPERIENCES = [
    (
        "Første møde med rådgiveren",
        "Rådgiveren brugte det meste af mødet på at lytte og spørge ind til vores hverdag. "
        "Det var rart ikke at få en færdig pakke præsenteret.",
    ),
    (
        "Rådgiveren taler vores sprog",
        "Det hjælper, at rådgiveren bruger vores egne ord og eksempler. Så bliver det "
        "lettere at tage det med tilbage til {team}.",
    ),
    (
        "Vi tager mere over selv",
        "Vi har mindre brug for møder og mere brug for et kort opkald, når vi er i tvivl. "
        "Rådgiveren har sagt, at det er et godt tegn.",
    ),
]
REFLECTIONS = [
    (
        "Hvad hæmmer og fremmer lige nu",
        "Vi har kigget på, hvad der har gjort det lettere og sværere den seneste måned.",
    ),
    (
        "Status midt i forløbet",
        "I en travl periode var det svært at holde fast, men de faste aftaler hjalp.",
    ),
    (
        "Travlheden stiger",
        "Travlheden er steget, og vi ser, hvilke vaner der holder, når presset kommer.",
    ),
]
COMMENTS = [
    "Godt beskrevet. Lad os tage udgangspunkt i det på næste møde.",
    "Jeg kan se, at I allerede har prøvet noget af det af. Hvad lagde I mærke til?",
    "Overvej at inddrage arbejdsmiljørepræsentanten i næste skridt.",
    "Det er et fint tegn, at I selv tager initiativet her.",
]
# The company answers its advisor's latest comment (so her bell has news too).
REPLIES = [
    "Tak, det tager vi med. Vi har allerede talt med to af kollegerne om det.",
    "Godt spørgsmål. Vi skriver lidt mere om det inden mødet.",
]
# The last readiness check about a month ago: the next is suggested around today.
LAST_READINESS_DAYS_AGO = 30
READINESS_NOTES = [
    "Første gang vi udfylder den. Vi var uenige om flere af punkterne, og det var nyttigt.",
    "Vi kender nu flere muligheder, men er stadig usikre på, hvor grænserne går.",
    "Det er blevet lettere at tale om, hvilke hensyn der skal til.",
    "Vi ser en tydelig forskel fra, da vi begyndte.",
]


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=COPENHAGEN)


class _Writer:
    def __init__(
        self, logbook: Logbook, author: User | None, pages: dict[str, Page], calendar: DemoCalendar
    ):
        self.calendar = calendar
        self.logbook = logbook
        self.author = author
        self.pages = pages
        self.entries: list[Entry] = []

    def add(self, kind, when, title, body="", *, meeting=None, slugs=(), drafts=(), **extra):
        """An entry with its version history (earlier bodies first, the final text last),
        dated `when` = (development meeting, days after it)."""
        day = self.calendar.after_meeting(*when)
        page_list = [self.pages[s] for s in slugs if s in self.pages]
        page_ids = [p.pk for p in page_list]
        entry = Entry(
            logbook=self.logbook,
            kind=kind,
            entry_date=day,
            author=self.author,
            updated_by=self.author,
            title=title,
            body=body,
            meeting=meeting,
            version=len(drafts) + 1,
            **extra,
        )
        entry.full_clean(exclude=["deleted_by"])
        entry.save()
        entry.knowledge_pages.set(page_list)
        versions = []
        for number, text in enumerate([*drafts, body], 1):
            data = snapshot(entry, goal_ids=[], page_ids=page_ids)
            data["body"] = text
            versions.append(
                EntryVersion(entry=entry, number=number, data=data, saved_by=self.author)
            )
        EntryVersion.objects.bulk_create(versions)
        # Written on the day it is dated (the demo looks like a lived-in logbook).
        last_day = self.calendar.past(day + datetime.timedelta(days=2 * len(drafts)))
        Entry.objects.filter(pk=entry.pk).update(created_at=_at(day), updated_at=_at(last_day))
        self.entries.append(entry)
        return entry


def _fill(company: Company, logbook: Logbook, owner, advisor, meetings, pages, calendar) -> None:
    w = _Writer(logbook, owner, pages, calendar)
    team = company.team
    n = company.number
    # After the kick-off: the problem focus and input for meeting 1.
    w.add(K.PROBLEM_FOCUS, (0, 2), "Vores problemfokus", company.problem)
    w.add(
        K.MEETING_INPUT,
        (1, -6),
        "Input til udviklingsmøde 1",
        MEETING_INPUT[1].format(team=team),
        meeting=meetings.get(1),
    )
    w.add(
        K.REFLECTION,
        (1, 3),
        "Første tanker om hæmmere og fremmere",
        "Vi har skrevet de første ting ned, som vi tror betyder noget.",
        hindrances=company.hinders[:1],
        helps=company.helps[:1],
    )
    # Around the matching meeting (2): its input, an updated problem focus.
    w.add(
        K.MEETING_INPUT,
        (2, -5),
        "Dilemma til udviklingsmøde 2",
        MEETING_INPUT[2],
        meeting=meetings.get(2),
    )
    w.add(
        K.PROBLEM_FOCUS,
        (2, 3),
        "Problemfokus efter matchningen",
        company.problem_update,
        drafts=[company.problem_update.split(".")[0] + "."],
    )
    w.add(K.ADVISOR_EXPERIENCE, (2, 6), *_experience(0, team))
    # Towards meeting 3: the first initiative, reflections, input for meeting 3.
    first = company.initiatives[0]
    w.add(
        K.INITIATIVE,
        (2, 9),
        first.title,
        first.body,
        slugs=first.pages,
        drafts=first.drafts,
        for_whom=first.for_whom,
        when_text=first.when_text,
        expected_effect=first.effect,
    )
    w.add(
        K.REFLECTION,
        (2, 13),
        "Før en travl periode",
        f"Vi har aftalt, hvem der holder øje med {team}s opgaver, mens ledelsen er ude af "
        "huset, og hvad der kan vente.",
        hindrances=["Færre hænder i en periode"],
        helps=company.helps[1:],
    )
    w.add(
        K.REFLECTION,
        (2, 16),
        REFLECTIONS[1][0],
        REFLECTIONS[1][1],
        hindrances=company.hinders,
        helps=company.helps[:1],
    )
    w.add(
        K.MEETING_INPUT,
        (3, -3),
        "Input til udviklingsmøde 3",
        MEETING_INPUT[3],
        meeting=meetings.get(3),
    )
    w.add(K.ADVISOR_EXPERIENCE, (3, 4), *_experience(1, team))
    # Since meeting 3: the second initiative, reflections, input for the coming meeting 4.
    for index, initiative in enumerate(company.initiatives[1:]):
        w.add(
            K.INITIATIVE,
            (3, 6 + 5 * index),
            initiative.title,
            initiative.body,
            slugs=initiative.pages,
            drafts=initiative.drafts,
            for_whom=initiative.for_whom,
            when_text=initiative.when_text,
            expected_effect=initiative.effect,
        )
    w.add(
        K.MEETING_INPUT,
        (NEXT_MEETING, -7),
        "Dilemma til udviklingsmøde 4",
        MEETING_INPUT[4],
        meeting=meetings.get(4),
    )
    w.add(
        K.REFLECTION,
        (3, 9),
        REFLECTIONS[0][0],
        REFLECTIONS[0][1],
        hindrances=company.hinders[1:],
        helps=company.helps,
    )
    w.add(
        K.REFLECTION,
        (3, 12),
        REFLECTIONS[2][0],
        REFLECTIONS[2][1],
        hindrances=company.hinders[:1],
        helps=company.helps,
    )
    # The advisor relation lately (meetings 5 and 6 are still ahead).
    w.add(K.ADVISOR_EXPERIENCE, (NEXT_MEETING, -6), *_experience(2, team))
    # Change logics of the initiatives.
    initiatives = {e.title: e for e in w.entries if e.kind == K.INITIATIVE}
    for initiative in company.initiatives:
        entry = initiatives[initiative.title]
        links = "\n".join(
            f"- [{pages[s].title}]({pages[s].get_absolute_url()})"
            for s in initiative.pages
            if s in pages
        )
        logic = ChangeLogic(
            entry=entry,
            challenge=company.challenge,
            challenge_text=initiative.challenge_text or company.problem.split(".")[0] + ".",
            expected_results=initiative.effect,
            knowledge_and_tools=links,
            updated_by=owner,
        )
        logic.full_clean()
        logic.save()
        ChangeLogic.objects.filter(pk=logic.pk).update(
            updated_at=_at(calendar.past(entry.entry_date + datetime.timedelta(days=10)))
        )
    # The advisor's comments (only where the company shares with its advisor).
    if advisor is not None and company.share_with_advisor:
        matched = calendar.meeting_day(2)
        commented = [e for e in w.entries if e.entry_date >= matched][:: 3 + n % 2]
        for index, entry in enumerate(commented[:4]):
            comment = EntryComment.objects.create(
                entry=entry, author=advisor, text=COMMENTS[(index + n) % len(COMMENTS)]
            )
            at = _at(calendar.past(entry.entry_date + datetime.timedelta(days=3)))
            EntryComment.objects.filter(pk=comment.pk).update(created_at=at)
            comment_notifications.comment_added(comment=comment)
            notifications_date(cause=f"comment:{comment.pk}", at=at)
            # She opened the logbook to comment: the access log has her read (which
            # her dashboard counts the entries she has not seen from).
            AccessLogEntry.objects.create(
                organisation=logbook.company,
                user=advisor,
                user_label=advisor.email,
                role=Role.ADVISOR,
                action=AccessLogEntry.Action.READ,
                object_kind="logbook",
                object_id=logbook.pk,
                created_at=at - datetime.timedelta(minutes=10),
            )
        if commented:
            _reply(comment, owner, REPLIES[n % len(REPLIES)], at)
    _readiness_and_situations(company, logbook, owner, calendar)


def _reply(comment: EntryComment, owner, text: str, commented_at: datetime.datetime) -> None:
    """The owner's answer the day after the comment (or an hour ago if that is later)."""
    reply = EntryComment.objects.create(
        entry=comment.entry, author=owner, text=text, parent=comment
    )
    now = timezone.now()
    at = min(commented_at + datetime.timedelta(days=1), now - datetime.timedelta(hours=1))
    EntryComment.objects.filter(pk=reply.pk).update(created_at=at)
    comment_notifications.comment_added(comment=reply)
    notifications_date(cause=f"comment:{reply.pk}", at=at)


def _readiness_days(calendar: DemoCalendar, count: int) -> list[datetime.date]:
    """The first check after the kick-off, the last about a month ago, the rest between."""
    first = calendar.after_meeting(0, 1)
    last = calendar.days_from_today(-LAST_READINESS_DAYS_AGO)
    step = (last - first) / max(count - 1, 1)
    return [calendar.past(first + step * index) for index in range(count - 1)] + [last]


def _readiness_and_situations(company: Company, logbook: Logbook, owner, calendar) -> None:
    # Readiness checks, showing change over the weeks.
    days = _readiness_days(calendar, len(company.readiness))
    for index, scores in enumerate(company.readiness):
        ReadinessCheck.objects.create(
            logbook=logbook,
            taken_on=days[index],
            scores=scores,
            note=READINESS_NOTES[index] if index in (0, len(company.readiness) - 1) else "",
            created_by=owner,
        )
    for index, (trigger, happened, supported) in enumerate(company.situations):
        situation = CriticalSituation(
            logbook=logbook,
            occurred_on=calendar.after_meeting(2 + index, 4 + company.number),
            trigger=trigger,
            what_happened=happened,
            what_supported=supported,
            created_by=owner,
        )
        situation.full_clean()
        situation.save()


def _experience(index: int, team: str) -> tuple[str, str]:
    title, body = ADVISOR_EXPERIENCES[index]
    return title, body.format(team=team)


@transaction.atomic
def load(stdout=None, today: datetime.date | None = None) -> None:
    programme = Programme.objects.filter(name=DEMO_PROGRAMME).first()
    if programme is None:
        return
    calendar = demo_calendar(today)
    meetings = {m.number: m for m in programme.meetings.all()}
    slugs = {s for c in COMPANIES for i in c.initiatives for s in i.pages}
    pages = {p.slug: p for p in Page.objects.filter(slug__in=slugs)}
    created = 0
    for company in COMPANIES:
        organisation = Organisation.objects.filter(name=company.name).first()
        owner = User.objects.filter(email=f"smv{company.number}@bifrost.example").first()
        advisor = User.objects.filter(email=f"advisor{company.number}@bifrost.example").first()
        if organisation is None:
            continue
        logbook, _new = Logbook.objects.get_or_create(programme=programme, company=organisation)
        if logbook.entries.exists():
            continue  # already loaded
        logbook.share_with_advisor = company.share_with_advisor
        logbook.share_with_researchers = company.share_with_researchers
        logbook.consent_updated_by = owner
        logbook.consent_updated_at = _at(calendar.meeting_day(0))
        logbook.save()
        _fill(company, logbook, owner, advisor, meetings, pages, calendar)
        created += 1
    if stdout is not None and created:
        stdout.write(f"Created {created} demo logbooks.")
    cases = demo_case_pages.load(programme=programme, calendar=calendar)
    if stdout is not None and cases:
        stdout.write(f"Drafted {cases} demo case pages for the knowledge site.")
