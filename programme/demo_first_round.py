"""Demo: an earlier, finished round of the programme, whose development meetings 5
and 6 gave the knowledge site its recommendations, principles and tools.

The demo programme of `programme.demo` sits mid-course (meeting 4 is next; 5 and 6
are ahead), so nothing from its meetings 5 and 6 can have reached the knowledge
site yet. This first round ended a few months before it started: its meeting 5
published a set of recommendations (endorsed by demo owners and advisors), its
meeting 6 recorded principles and tools (with the people present), and the
facilitator drafted knowledge pages from both in one step, linked them to the
seven principles and three phases and published them. Nobody is enrolled in it
any longer, so only the facilitators see the programme itself; the pages say
where they came from. Every sentence is written for the demo; all is fictional.
"""

import datetime

from bifrost.accounts.models import Membership, Role, User
from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services as editor
from knowledge.models import Page
from programme.demo_calendar import DemoCalendar
from programme.exercises.evaluation import services as evaluation
from programme.exercises.recommendations import services as recommendations
from programme.knowledge_drafts import services as knowledge_drafts
from programme.models import Attendance, Endorsement, Programme, Recommendation
from programme.programmes import services as programme_services

FIRST_ROUND_NAME = "BIFROST-forløbet, første hold (demo)"
WEEKS_EARLIER = 30  # the first round's calendar: its meeting 6 is ~23 weeks ago
PLACE = "Mødecenter Broen, lokale 1 (fiktivt)"

# (text, endorsed by smvN / advisorN numbers, related knowledge page slugs)
RECOMMENDATIONS = [
    (
        "Mød virksomheden på dens egen adresse, før I foreslår et forløb. Et besøg viser, "
        "hvordan arbejdet faktisk foregår, og hvem der bør være med fra starten.",
        ((1, 2, 3), (1, 2)),
        ("vejen-ind", "arbejdspladsens-engagement"),
    ),
    (
        "Tal virksomhedens sprog. Spørg, hvad de selv kalder travlhed og pres, og brug de "
        "ord frem for fagbegreber.",
        ((3, 4), (3,)),
        ("etablering-af-relationen",),
    ),
    (
        "Aftal tidligt, hvem i virksomheden der holder kontakten til en sygemeldt kollega, "
        "hvor ofte og på hvilken måde.",
        ((1, 5), (1, 4, 5)),
        ("tidlig-stoettende-kontakt", "en-koordinerende-person"),
    ),
    (
        "Del indsatsen op i små skridt, som kan mærkes i hverdagen inden for få uger.",
        ((2, 6), (2,)),
        ("overdragelse-af-engagement", "tilpassede-opgaver-og-arbejdstid"),
    ),
    (
        "Giv lederen en fast sparringspartner i ugerne omkring en kollegas tilbagevenden, "
        "så planen ikke hviler på én person.",
        ((4,), (6,)),
        ("viden-om-forebyggelse-og-tta", "fravaer-med-mindst-belastning", "vejen-ind"),
    ),
    (
        "Slut af med en plan for, hvordan virksomheden selv holder fast i det nye, når "
        "rådgiveren trækker sig.",
        ((1, 2, 3, 5, 6), (1, 3, 4)),
        ("overdragelse-af-engagement", "arbejdspladsens-engagement"),
    ),
]
NOT_PUBLISHED = "Lav en fælles tjekliste for alle brancher."

# (kind, title, description, related slugs)
PRINCIPLES = [
    (
        "principle",
        "Begynd hos dem, det handler om",
        "Inddrag medarbejderne, før løsningen ligger fast. Det, de selv har været med til at "
        "forme, bliver brugt.",
        ("arbejdspladsens-engagement", "vejen-ind"),
    ),
    (
        "principle",
        "Én holder tråden",
        "Der er altid én i virksomheden, som ved, hvad der er aftalt, og som rådgiveren kan "
        "ringe til.",
        ("en-koordinerende-person", "etablering-af-relationen"),
    ),
    (
        "principle",
        "Værdi før proces",
        "Hvert møde skal give noget, virksomheden kan bruge i næste uge. Modeller og "
        "metoder kommer i anden række.",
        ("overdragelse-af-engagement",),
    ),
    (
        "tool",
        "Modtagelsesplan for de første seks uger",
        "En skabelon på én side: hvilke opgaver der er med fra start, hvilke der venter, "
        "hvem der følger op og hvornår. Laves sammen med den, der vender tilbage.",
        ("tilpassede-opgaver-og-arbejdstid", "fravaer-med-mindst-belastning"),
    ),
    (
        "tool",
        "Samtaleguide til den første kontakt",
        "Fem spørgsmål til lederens første opkald til en sygemeldt medarbejder: hvordan går "
        "det, hvad må kolleger vide, hvornår taler vi igen, hvad kan vi gøre nu, og hvem "
        "ringer du til.",
        ("tidlig-stoettende-kontakt",),
    ),
]
MINUTES = {
    5: "Deltagerne skrev anbefalinger ud fra egne erfaringer, bakkede op om dem, de var "
    "enige i, og slog dubletter sammen. Facilitatorerne offentliggjorde det endelige sæt.",
    6: "Vi så tilbage på hele forløbet og blev enige om tre principper og to redskaber, som "
    "rådgivere og virksomheder kan tage med videre.",
}


def load(*, facilitator: User | None, today: datetime.date) -> bool:
    """Create the first round and publish its pages; False when it is there already."""
    if Programme.objects.filter(name=FIRST_ROUND_NAME).exists():
        return False
    calendar = DemoCalendar(today - datetime.timedelta(weeks=WEEKS_EARLIER))
    programme = programme_services.programme_create_from_template(
        name=FIRST_ROUND_NAME,
        description=(
            "Et tidligere, afsluttet hold (fiktivt). Anbefalingerne fra udviklingsmøde 5 og "
            "principperne og redskaberne fra møde 6 er udgivet på videnssitet."
        ),
        starts_on=calendar.starts_on,
        ends_on=calendar.ends_on,
        user=facilitator,
    )
    meetings = {m.number: m for m in programme.meetings.all()}
    for number, meeting in meetings.items():
        meeting.starts_at, meeting.ends_at = calendar.meeting_times(number)
        meeting.place = PLACE
        if number in MINUTES:
            meeting.minutes = MINUTES[number]
            meeting.minutes_published_at = meeting.ends_at + datetime.timedelta(days=2)
        meeting.save()
    owners = _people(Role.SMV_OWNER, "smv")
    advisors = _people(Role.ADVISOR, "advisor")
    _recommendations(meetings[5], owners, advisors)
    _principles(meetings[6], facilitator, owners, advisors)
    for meeting in (meetings[5], meetings[6]):
        knowledge_drafts.knowledge_drafts_create(meeting=meeting, user=facilitator)
    _publish(programme, facilitator)
    return True


def _people(role: str, prefix: str) -> dict[int, User]:
    rows = Membership.objects.filter(role=role, user__email__startswith=prefix).select_related(
        "user"
    )
    return {int(m.user.email.split("@")[0].removeprefix(prefix)): m.user for m in rows}


def _recommendations(meeting, owners: dict, advisors: dict) -> None:
    published_at = meeting.ends_at - datetime.timedelta(minutes=20)
    for index, (text, (smvs, advs), _slugs) in enumerate(RECOMMENDATIONS):
        author = owners.get(smvs[0]) if index % 2 == 0 else advisors.get(advs[0])
        rec = recommendations.recommendation_propose(meeting=meeting, author=author, text=text)
        people = [owners[n] for n in smvs if n in owners] + [
            advisors[n] for n in advs if n in advisors
        ]
        Endorsement.objects.bulk_create(Endorsement(recommendation=rec, user=u) for u in people)
        recommendations.recommendation_publish(recommendation=rec, published=True)
    recommendations.recommendation_propose(
        meeting=meeting, author=owners.get(4), text=NOT_PUBLISHED
    )
    Recommendation.objects.filter(meeting=meeting, published_at__isnull=False).update(
        published_at=published_at
    )


def _principles(meeting, facilitator, owners: dict, advisors: dict) -> None:
    for kind, title, description, _slugs in PRINCIPLES:
        evaluation.principle_add(
            meeting=meeting, user=facilitator, kind=kind, title=title, description=description
        )
    present = [owners[n] for n in (1, 2, 3, 5) if n in owners]
    present += [advisors[n] for n in (1, 2, 4) if n in advisors]
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, user=user, present=True) for user in present
    )


def _publish(programme, facilitator) -> None:
    """The editor's part: link each draft to its principles and phases, publish it."""
    related = {text: slugs for text, _people, slugs in RECOMMENDATIONS}
    related.update({title: slugs for _kind, title, _d, slugs in PRINCIPLES})
    anchors = dict(
        Page.objects.filter(
            kind__in=("principle", "phase"), section__in=("forebyg-sygefravaer", "brobyggerfaser")
        ).values_list("slug", "pk")
    )
    drafts = Page.objects.filter(provenance__programme_name=programme.name).order_by("pk")
    for page in drafts:
        content = editor_selectors.newest_content(page)
        slugs = related.get(content["body"]) or related.get(content["title"], ())
        content["related"] = [anchors[slug] for slug in slugs if slug in anchors]
        editor.page_publish(page=page, content=content, user=facilitator)
