"""Demo: goals, meetings, tasks, meeting input and advisor notes on the six demo cases.

Called at the end of matching/demo.py, after the demo match run has opened the
cases (smvN's company with advisorN). All text is invented for the demo.
Dates come from the demo calendar (`programme.demo_calendar`): written as
(development meeting, days after it) for what has happened, and as days from
today for the tasks, so some are done, some due ahead and some overdue.
Safe to run again: cases that already have goals are left alone.
"""

import datetime

from bifrost.core.notifications.demo import notifications_date
from matching.cases import notifications, services
from matching.cases.selectors import company_owners
from matching.models import Case, CaseGoal, CaseTask, Phase
from programme.demo import DEMO_NAME
from programme.demo_calendar import NEXT_MEETING, DemoCalendar, demo_calendar

# Two cases in each phase; when each phase started, as (meeting, days after it):
# the pairs were matched at development meeting 2.
PHASE_PLANS = [
    [(Phase.WAY_IN, (2, 1))],
    [(Phase.WAY_IN, (2, 1))],
    [(Phase.WAY_IN, (2, 1)), (Phase.RELATIONSHIP, (3, 1))],
    [(Phase.WAY_IN, (2, 1)), (Phase.RELATIONSHIP, (3, 6))],
    [(Phase.WAY_IN, (2, 0)), (Phase.RELATIONSHIP, (2, 14)), (Phase.HANDOVER, (3, 7))],
    [(Phase.WAY_IN, (2, 1)), (Phase.RELATIONSHIP, (2, 17)), (Phase.HANDOVER, (3, 10))],
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

# Days after meeting 3 on which the advisor added the case's last goal.
ADVISOR_GOAL_DAYS = [9, 12, 4, 10, 13, 6]

# (held on: (meeting, days after it), participants, summary, next steps) per case.
MEETINGS = [
    [
        (
            (2, 3),
            "Ejerleder, HR-medarbejder og rådgiver",
            "Første møde. Vi talte om, hvad der fylder i hverdagen, og hvorfor virksomheden meldte sig til forløbet.",
            "Ejerlederen spørger medarbejderne om deres ønsker før næste møde.",
        )
    ],
    [
        (
            (2, 9),
            "Ejerleder og rådgiver",
            "Kort opstartsmøde over video. Behovet er endnu uklart, men lederne virker interesserede.",
            "Rådgiveren sender et par spørgsmål, som lederne kan tage med på teammødet.",
        )
    ],
    [
        (
            (2, 8),
            "Ejerleder, redaktør og rådgiver",
            "Vi gennemgik en typisk uge op til deadline og fandt de steder, hvor presset hober sig op.",
            "Redaktøren afprøver en fast overleveringstid i tre uger.",
        ),
        (
            (3, 6),
            "Ejerleder, redaktør, to medarbejdere og rådgiver",
            "Den faste overleveringstid virker, men weekendudgaven er stadig svær.",
            "Rådgiveren kommer med et forslag til en plan for tilbagevenden.",
        ),
    ],
    [
        (
            (2, 10),
            "Ejerleder og rådgiver",
            "Vi talte om en medarbejder, der er sygemeldt med stress, og hvordan kontakten holdes på en god måde.",
            "Ejerlederen ringer til medarbejderen og aftaler en kop kaffe.",
        ),
        (
            (3, 9),
            "Ejerleder, medarbejderen og rådgiver",
            "Første samtale om tilbagevenden. Vi aftalte få timer og afgrænsede opgaver i starten.",
            "Teamet orienteres om planen, når medarbejderen har sagt god for det.",
        ),
    ],
    [
        (
            (2, 2),
            "Ejerleder, tillidsrepræsentant og rådgiver",
            "Omstruktureringen skaber uro. Vi aftalte at gøre trivsel til et fast punkt på personalemøderne.",
            "Tillidsrepræsentanten samler spørgsmål fra kollegerne.",
        ),
        (
            (3, 11),
            "Ejerleder, tillidsrepræsentant og rådgiver",
            "Status: personalemøderne virker, og ejerlederen føler sig bedre klædt på.",
            "Virksomheden overtager selv punktet på møderne; rådgiveren deltager én gang mere.",
        ),
    ],
    [
        (
            (2, 7),
            "Ejerleder, projektleder og rådgiver",
            "Kunderne forventer svar med det samme. Vi så på, hvordan forventningerne kan afstemmes.",
            "Projektlederen skriver et udkast til faste svartider.",
        ),
        (
            (3, 13),
            "Ejerleder, projektleder og rådgiver",
            "De faste svartider er indført og modtaget godt af kunderne. Kursusdagen droppes til fordel for korte møder.",
            "Ejerlederen står selv for trivselstjekket fra næste måned.",
        ),
    ],
]

# (title, owner: "company" or "advisor", due: days from today, done) per case.
# Done ones were done on their due day; the open ones are due ahead or overdue.
TASKS = [
    [
        ("Spørg medarbejderne om deres ønsker", "company", 5, False),
        ("Send materiale om stresskæder", "advisor", -30, True),
    ],
    [
        ("Send spørgsmål til teammødet", "advisor", -28, True),
        ("Find en dato for workshop med lederne", "company", -3, False),
    ],
    [
        ("Afprøv fast overleveringstid", "company", -24, True),
        ("Udkast til plan for tilbagevenden", "advisor", 7, False),
        ("Aftal weekendvagter med layout", "company", 25, False),
    ],
    [
        ("Ring til den sygemeldte medarbejder", "company", -33, True),
        ("Orientér teamet om planen", "company", -6, False),
        ("Følg op på timetallet", "advisor", 10, False),
    ],
    [
        ("Saml spørgsmål fra kollegerne", "company", -34, True),
        ("Skriv erfaringerne ned", "company", 14, False),
        ("Deltag i sidste personalemøde", "advisor", -8, True),
    ],
    [
        ("Udkast til faste svartider", "company", -31, True),
        ("Plan for fast trivselstjek", "company", -9, True),
        ("Afsluttende opfølgning", "advisor", 21, False),
    ],
]

# (meeting number, text) per case: the held meeting 3 and the coming meeting 4.
INPUTS = [
    [(3, "Vi vil gerne høre, hvordan andre har fået medarbejderne med fra starten.")],
    [(3, "Vi er stadig ved at finde ud af, hvad vi skal arbejde med. Gode råd modtages.")],
    [
        (3, "Den faste overleveringstid har givet ro. Vi deler gerne skemaet med de andre."),
        (4, "Dilemma: hvor meget skal kollegerne vide om en sygemelding?"),
    ],
    [(4, "Vi vil gerne drøfte, hvordan teamet forberedes, uden at medarbejderen udstilles.")],
    [
        (3, "Det vigtigste for os har været sparring som ejerleder i en travl periode."),
        (4, "Anbefaling: gør trivsel til et fast punkt, især når der er forandringer på vej."),
    ],
    [
        (3, "Vi tager selv over nu og beholder de korte trivselsmøder."),
        (4, "Anbefaling: aftal svartider med kunderne, før travlheden rammer."),
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


def _write(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def load(stdout=None, today: datetime.date | None = None) -> None:
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
    calendar = demo_calendar(today)
    meetings = {m.number: m for m in cases[0].programme.meetings.all()}
    for index, case in enumerate(cases[: len(PHASE_PLANS)]):
        _fill(case, index, meetings, calendar)
    _write(stdout, f"Demo cases: filled in {min(len(cases), len(PHASE_PLANS))} cases.")


def _goals_dated(
    goals: list[CaseGoal], advisor, calendar: DemoCalendar, index: int
) -> datetime.date:
    """The goals as the story has them: agreed after the matching meeting (2), the last
    one added by the advisor after meeting 3, and on every other case the first one
    changed by the advisor a few days ago (so the company's dashboard has news)."""
    agreed = calendar.at(calendar.after_meeting(2, 3 + index), datetime.time(11, 0))
    for goal in goals:
        CaseGoal.objects.filter(pk=goal.pk).update(created_at=agreed, updated_at=agreed)
    added_on = calendar.after_meeting(3, ADVISOR_GOAL_DAYS[index])
    added = calendar.at(added_on, datetime.time(14, 0))
    CaseGoal.objects.filter(pk=goals[-1].pk).update(
        created_by=advisor, updated_by=advisor, created_at=added, updated_at=added
    )
    if index % 2 or len(goals) < 2:
        return added_on
    changed_on = calendar.days_from_today(-2 - index // 2)
    changed = calendar.at(changed_on, datetime.time(9, 30))
    CaseGoal.objects.filter(pk=goals[0].pk).update(updated_by=advisor, updated_at=changed)
    return max(added_on, changed_on)


def _fill(case: Case, index: int, meetings: dict, calendar: DemoCalendar) -> None:
    advisor = case.advisor
    owner = case.company.memberships.select_related("user").order_by("pk").first()
    owner = owner.user if owner else advisor
    phases = [(phase, calendar.after_meeting(*when)) for phase, when in PHASE_PLANS[index]]
    # The case was opened today by the match run; its story starts at meeting 2.
    case.phase_changes.filter(phase=Phase.WAY_IN).update(started_on=phases[0][1])
    for phase, started_on in phases[1:]:
        services.case_change_phase(case=case, phase=phase, started_on=started_on, by=advisor)
    goals = [
        services.goal_create(
            case=case, by=owner, title=title, description=description, status=status
        )
        for title, description, status in GOALS[index]
    ]
    goals_changed = _goals_dated(goals, advisor, calendar, index)
    # Both sides were told of the match at meeting 2 and of each goal as it came.
    notifications.match_confirmed(case=case, owners=company_owners(case.company_id))
    notifications_date(
        cause=f"match:{case.pk}", at=calendar.at(calendar.meeting_day(2), datetime.time(16, 0))
    )
    for goal in CaseGoal.objects.filter(case=case):
        notifications_date(cause=f"goal-added:{goal.pk}", at=goal.created_at)
    held = []
    for when, participants, summary, next_steps in MEETINGS[index]:
        held.append(calendar.after_meeting(*when))
        services.case_meeting_create(
            case=case,
            by=advisor,
            held_on=held[-1],
            participants=participants,
            summary=summary,
            next_steps=next_steps,
        )
    done = []
    for title, who, days, is_done in TASKS[index]:
        due_on = calendar.days_from_today(days)
        task = services.task_create(
            case=case,
            by=owner,
            title=title,
            owner=owner if who == "company" else advisor,
            due_on=due_on,
        )
        # Tasks are agreed two weeks before they are due (or, when due soon, yesterday).
        agreed = min(due_on - datetime.timedelta(days=14), calendar.days_from_today(-1))
        notifications_date(
            cause=f"task-assigned:{task.pk}:{task.owner_id}",
            at=calendar.at(agreed, datetime.time(11, 30)),
        )
        if is_done:
            done.append(due_on)
            CaseTask.objects.filter(pk=task.pk).update(
                done_at=calendar.at(due_on, datetime.time(10, 0))
            )
    for number, text in INPUTS[index]:
        if number in meetings and number <= NEXT_MEETING:
            services.meeting_input_save(case=case, meeting=meetings[number], by=owner, text=text)
    for text, shared in NOTES[index]:
        services.note_create(case=case, author=advisor, text=text, shared_with_unit=shared)
    # Last activity as the story has it, not the moment the demo was loaded.
    last = max([phases[-1][1], goals_changed, *held, *done])
    Case.objects.filter(pk=case.pk).update(last_activity_at=calendar.at(last, datetime.time(15, 0)))
