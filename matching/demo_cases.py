"""Demo: goals, meetings, tasks, meeting input and advisor notes on the six demo cases.

Called at the end of matching/demo.py, after the demo match run has opened the
cases (smvN's company with advisorN). All text is invented for the demo.
Safe to run again: cases that already have goals are left alone.
"""

from datetime import date, datetime, time

from django.utils import timezone

from matching.cases import services
from matching.models import Case, CaseGoal, CaseTask, Phase
from programme.demo import DEMO_NAME

# Two cases in each phase; the dates each phase started (May–November 2019).
PHASE_PLANS = [
    [(Phase.WAY_IN, date(2019, 6, 14))],
    [(Phase.WAY_IN, date(2019, 6, 14))],
    [(Phase.WAY_IN, date(2019, 6, 14)), (Phase.RELATIONSHIP, date(2019, 8, 20))],
    [(Phase.WAY_IN, date(2019, 6, 14)), (Phase.RELATIONSHIP, date(2019, 9, 2))],
    [
        (Phase.WAY_IN, date(2019, 5, 31)),
        (Phase.RELATIONSHIP, date(2019, 8, 12)),
        (Phase.HANDOVER, date(2019, 10, 28)),
    ],
    [
        (Phase.WAY_IN, date(2019, 6, 14)),
        (Phase.RELATIONSHIP, date(2019, 8, 26)),
        (Phase.HANDOVER, date(2019, 11, 11)),
    ],
]

# (title, description, status) per case.
GOALS = [
    [
        (
            "Fælles billede af, hvor presset opstår",
            "Vi kortlægger sammen med medarbejderne, hvilke perioder og opgaver der giver mest travlhed.",
            CaseGoal.Status.IN_PROGRESS,
        ),
        ("Aftale om, hvem der tager den første samtale", "", CaseGoal.Status.PLANNED),
    ],
    [
        (
            "Lederne kan genkende tidlige tegn på stress",
            "Et kort oplæg og en tjekliste, som teamlederne selv har været med til at formulere.",
            CaseGoal.Status.PLANNED,
        ),
        ("En kort stresspolitik på én side", "", CaseGoal.Status.PLANNED),
    ],
    [
        (
            "Tydelige overleveringer mellem redaktion og layout",
            "Færre sene ændringer og en fast aftale om deadline før tryk.",
            CaseGoal.Status.IN_PROGRESS,
        ),
        ("Alle kender planen for en kollega, der vender tilbage", "", CaseGoal.Status.PLANNED),
        ("Månedligt kort trivselstjek på redaktionsmødet", "", CaseGoal.Status.ACHIEVED),
    ],
    [
        (
            "Plan for gradvis tilbagevenden efter sygemelding",
            "Opgaver og timer aftales skriftligt og justeres hver anden uge.",
            CaseGoal.Status.IN_PROGRESS,
        ),
        ("Det modtagende team er forberedt", "", CaseGoal.Status.IN_PROGRESS),
    ],
    [
        (
            "Stress tages op under omstruktureringen",
            "Et fast punkt på personalemøderne, så usikkerhed bliver sagt højt tidligt.",
            CaseGoal.Status.ACHIEVED,
        ),
        ("Sparring til ejerlederen hver måned", "", CaseGoal.Status.ACHIEVED),
        ("Erfaringerne skrives ned til næste forandring", "", CaseGoal.Status.IN_PROGRESS),
    ],
    [
        (
            "Forventninger til svartider er afstemt med kunderne",
            "Bureauet aftaler realistiske svartider, så medarbejderne ikke er på hele tiden.",
            CaseGoal.Status.ACHIEVED,
        ),
        ("Virksomheden fortsætter selv med trivselstjek", "", CaseGoal.Status.IN_PROGRESS),
        ("Fælles kursusdag for hele huset", "", CaseGoal.Status.DROPPED),
    ],
]

# (held_on, participants, summary, next steps) per case.
MEETINGS = [
    [
        (
            date(2019, 6, 27),
            "Ejerleder, HR-medarbejder og rådgiver",
            "Første møde. Vi talte om, hvad der fylder i hverdagen, og hvorfor virksomheden meldte sig til forløbet.",
            "Ejerlederen spørger medarbejderne om deres ønsker før næste møde.",
        )
    ],
    [
        (
            date(2019, 7, 3),
            "Ejerleder og rådgiver",
            "Kort opstartsmøde over video. Behovet er endnu uklart, men lederne virker interesserede.",
            "Rådgiveren sender et par spørgsmål, som lederne kan tage med på teammødet.",
        )
    ],
    [
        (
            date(2019, 7, 2),
            "Ejerleder, redaktør og rådgiver",
            "Vi gennemgik en typisk uge op til deadline og fandt de steder, hvor presset hober sig op.",
            "Redaktøren afprøver en fast overleveringstid i tre uger.",
        ),
        (
            date(2019, 9, 10),
            "Ejerleder, redaktør, to medarbejdere og rådgiver",
            "Den faste overleveringstid virker, men weekendudgaven er stadig svær.",
            "Rådgiveren kommer med et forslag til en plan for tilbagevenden.",
        ),
    ],
    [
        (
            date(2019, 7, 8),
            "Ejerleder og rådgiver",
            "Vi talte om en medarbejder, der er sygemeldt med stress, og hvordan kontakten holdes på en god måde.",
            "Ejerlederen ringer til medarbejderen og aftaler en kop kaffe.",
        ),
        (
            date(2019, 9, 16),
            "Ejerleder, medarbejderen og rådgiver",
            "Første samtale om tilbagevenden. Vi aftalte få timer og afgrænsede opgaver i starten.",
            "Teamet orienteres om planen, når medarbejderen har sagt god for det.",
        ),
    ],
    [
        (
            date(2019, 6, 20),
            "Ejerleder, tillidsrepræsentant og rådgiver",
            "Omstruktureringen skaber uro. Vi aftalte at gøre trivsel til et fast punkt på personalemøderne.",
            "Tillidsrepræsentanten samler spørgsmål fra kollegerne.",
        ),
        (
            date(2019, 10, 30),
            "Ejerleder, tillidsrepræsentant og rådgiver",
            "Status: personalemøderne virker, og ejerlederen føler sig bedre klædt på.",
            "Virksomheden overtager selv punktet på møderne; rådgiveren deltager én gang mere.",
        ),
    ],
    [
        (
            date(2019, 6, 25),
            "Ejerleder, projektleder og rådgiver",
            "Kunderne forventer svar med det samme. Vi så på, hvordan forventningerne kan afstemmes.",
            "Projektlederen skriver et udkast til faste svartider.",
        ),
        (
            date(2019, 11, 14),
            "Ejerleder, projektleder og rådgiver",
            "De faste svartider er indført og modtaget godt af kunderne. Kursusdagen droppes til fordel for korte møder.",
            "Ejerlederen står selv for trivselstjekket fra december.",
        ),
    ],
]

# (title, owner: "company" or "advisor", due date, done) per case.
TASKS = [
    [
        ("Spørg medarbejderne om deres ønsker", "company", date(2019, 7, 15), False),
        ("Send materiale om stresskæder", "advisor", date(2019, 7, 1), True),
    ],
    [
        ("Send spørgsmål til teammødet", "advisor", date(2019, 7, 10), True),
        ("Find en dato for workshop med lederne", "company", date(2019, 8, 30), False),
    ],
    [
        ("Afprøv fast overleveringstid", "company", date(2019, 8, 1), True),
        ("Udkast til plan for tilbagevenden", "advisor", date(2019, 9, 30), False),
        ("Aftal weekendvagter med layout", "company", date(2019, 12, 20), False),
    ],
    [
        ("Ring til den sygemeldte medarbejder", "company", date(2019, 7, 12), True),
        ("Orientér teamet om planen", "company", date(2019, 9, 27), False),
        ("Følg op på timetallet", "advisor", date(2019, 10, 14), False),
    ],
    [
        ("Saml spørgsmål fra kollegerne", "company", date(2019, 7, 1), True),
        ("Skriv erfaringerne ned", "company", date(2019, 11, 15), False),
        ("Deltag i sidste personalemøde", "advisor", date(2019, 11, 20), True),
    ],
    [
        ("Udkast til faste svartider", "company", date(2019, 7, 5), True),
        ("Plan for trivselstjek fra december", "company", date(2019, 11, 29), True),
        ("Afsluttende opfølgning", "advisor", date(2019, 12, 6), False),
    ],
]

# (meeting number, text) per case.
INPUTS = [
    [(3, "Vi vil gerne høre, hvordan andre har fået medarbejderne med fra starten.")],
    [(3, "Vi er stadig ved at finde ud af, hvad vi skal arbejde med. Gode råd modtages.")],
    [
        (3, "Den faste overleveringstid har givet ro. Vi deler gerne skemaet med de andre."),
        (4, "Dilemma: hvor meget skal kollegerne vide om en sygemelding?"),
    ],
    [(4, "Vi vil gerne drøfte, hvordan teamet forberedes, uden at medarbejderen udstilles.")],
    [
        (5, "Anbefaling: gør trivsel til et fast punkt, især når der er forandringer på vej."),
        (6, "Det vigtigste for os var at få sparring som ejerleder i en travl periode."),
    ],
    [
        (5, "Anbefaling: aftal svartider med kunderne, før travlheden rammer."),
        (6, "Vi tager selv over nu og beholder de korte trivselsmøder."),
    ],
]

# (text, shared with the unit) per case.
NOTES = [
    [("Ejerlederen er motiveret, men har travlt. Hold møderne korte.", False)],
    [("Behovet er uklart. Prøv at få lederne til at fortælle om en konkret uge.", True)],
    [("Redaktøren er nøgleperson. God kemi ved andet møde.", True)],
    [("Vær opmærksom på, at medarbejderen ikke selv vil fortælle teamet noget endnu.", False)],
    [
        ("Godt eksempel til enheden: fast punkt på personalemøder under forandring.", True),
        ("Ejerlederen har selv været presset; spørg ind til det næste gang.", False),
    ],
    [("Klar til at slippe. Overvej en opfølgning efter nytår.", True)],
]


def _aware(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _write(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def load(stdout=None) -> None:
    cases = list(
        Case.objects.filter(programme__name=DEMO_NAME, status=Case.Status.ACTIVE)
        .select_related("company", "advisor", "programme")
        .order_by("advisor__email", "pk")
    )
    if not cases:
        _write(stdout, "Demo cases: no cases in the demo programme yet, nothing to add.")
        return
    if CaseGoal.objects.filter(case__in=cases).exists():
        _write(stdout, "Demo cases: already filled in.")
        return
    meetings = {m.number: m for m in cases[0].programme.meetings.all()}
    for index, case in enumerate(cases[: len(PHASE_PLANS)]):
        _fill(case, index, meetings)
    _write(stdout, f"Demo cases: filled in {min(len(cases), len(PHASE_PLANS))} cases.")


def _fill(case: Case, index: int, meetings: dict) -> None:
    advisor = case.advisor
    owner = case.company.memberships.select_related("user").order_by("pk").first()
    owner = owner.user if owner else advisor
    plan = PHASE_PLANS[index]
    # The case was opened today by the match run; the demo's story starts in 2019.
    case.phase_changes.filter(phase=Phase.WAY_IN).update(started_on=plan[0][1])
    for phase, started_on in plan[1:]:
        services.case_change_phase(case=case, phase=phase, started_on=started_on, by=advisor)
    for title, description, status in GOALS[index]:
        services.goal_create(
            case=case, by=owner, title=title, description=description, status=status
        )
    for held_on, participants, summary, next_steps in MEETINGS[index]:
        services.case_meeting_create(
            case=case,
            by=advisor,
            held_on=held_on,
            participants=participants,
            summary=summary,
            next_steps=next_steps,
        )
    for title, who, due_on, done in TASKS[index]:
        task = services.task_create(
            case=case,
            by=owner,
            title=title,
            owner=owner if who == "company" else advisor,
            due_on=due_on,
        )
        if done:
            CaseTask.objects.filter(pk=task.pk).update(done_at=_aware(due_on, 10))
    for number, text in INPUTS[index]:
        if number in meetings:
            services.meeting_input_save(case=case, meeting=meetings[number], by=owner, text=text)
    for text, shared in NOTES[index]:
        services.note_create(case=case, author=advisor, text=text, shared_with_unit=shared)
    # Last activity as the story has it, not the moment the demo was loaded.
    last = max(
        [plan[-1][1]] + [m[0] for m in MEETINGS[index]] + [t[2] for t in TASKS[index] if t[3]]
    )
    Case.objects.filter(pk=case.pk).update(last_activity_at=_aware(last, 15))
