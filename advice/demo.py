"""Demo catalogue for `manage.py demo_data`: one offer round open around today, the
four themes, three fictional providers (advisory units with one or two advisors who
can log in with the demo password) with contacts, different course models and a
capacity for the current half-year. Then the demo requests, if the requests concept
provides them (`advice.requests.demo`). Safe to run again: what is there is kept."""

import datetime
from importlib import import_module
from importlib.util import find_spec

from advice.models import (
    ContactPerson,
    CourseModelStep,
    OfferRound,
    Provider,
    ProviderCapacity,
    ProviderTheme,
    Theme,
)
from bifrost.accounts.demo import DEMO_PASSWORD
from bifrost.accounts.models import Organisation, Role
from bifrost.accounts.services import user_create_with_role

ROUND_SLUG = "demo-runde"

INTRODUCTION = """Regionens arbejdspladser kan i denne runde få et gratis, skræddersyet forløb om det psykiske arbejdsmiljø hos en af tre udbydere med forskningsbaggrund eller lang erfaring som rådgivere.

Et forløb skal føre til handling: arbejdspladsen får ny viden og konkrete redskaber og omsætter dem til indsatser, der bliver en del af hverdagen. Formen tilpasses arbejdspladsens egne ønsker og den måde, arbejdsmiljøarbejdet allerede er organiseret på.

Alle slags enheder kan være med – sengeafsnit, psykiatri, sociale tilbud og bosteder, administration, service og tekniske afdelinger – og flere enheder kan søge sammen om et fælles forløb. Tilbuddet kan også bruges strategisk, fx af en støttefunktion som indkøb eller IT, der vil tænke arbejdsmiljøet ind i sine opgaver.

*Dette er demodata: runden, udbyderne og personerne er opdigtede.*"""

RULES = """- **Begge lokale parter står bag.** Lederen og en tillids- eller arbejdsmiljørepræsentant søger sammen. Lederen opretter anmodningen, og repræsentanten bekræfter den inden for 14 dage.
- **Først til mølle.** En anmodning får sin plads i udbyderens kø, når begge parter har bekræftet.
- **Gratis, men ikke uden tid.** Forløbet koster ikke penge, men deltagerne skal bruge arbejdstimer på det.
- **Opfølgning hører med.** I aftaler, hvordan I følger op lokalt, og I deltager i en opfølgningssamtale med udbyderen.
- **Det kan tilbuddet ikke bruges til:** opfølgning på et påbud fra Arbejdstilsynet, før påbuddet er efterkommet, krisehjælp og personlig støtte til enkelte ledere eller medarbejdere."""

THEMES = [
    (
        "organisatoriske-forandringer",
        "Organisatoriske forandringer",
        "Flytninger, sammenlægninger og nye strukturer rammer ofte hele arbejdspladsen på én gang. Selv gode forandringer kan presse trivslen og den måde, kerneopgaven løses på – men de kan også åbne for nye samarbejder og bedre løsninger, når de håndteres i fællesskab.",
    ),
    (
        "faglige-forandringer",
        "Faglige forandringer",
        "Nye systemer, nye behandlingsformer og en ændret arbejdsdeling mellem faggrupper skal give bedre kvalitet, men de kræver kræfter undervejs. Usikkerhed om nye relationer eller frygten for at miste meningsfulde opgaver påvirker arbejdsmiljøet før, under og efter ændringen.",
    ),
    (
        "vold-og-trusler",
        "Vold og trusler",
        "Hvor mennesker i krise mødes med personale, kan der opstå vold, trusler og chikane. Forebyggelse kræver et fælles sprog for, hvad der sker, klare roller og redskaber, som alle kender – før, under og efter en hændelse.",
    ),
    (
        "samarbejde-kultur-og-mobning",
        "Samarbejde, arbejdspladskultur og mobning",
        "En arbejdspladskultur føles ofte selvfølgelig for dem, der er i den. Men kulturen bygger på normer, organisering og relationer, og når samarbejdet halter eller en kollega bliver mobbet, er det et fælles ansvar at gribe ind og forebygge.",
    ),
]

# slug, unit name, public name, summary, approach, website, members (e-mail, name, title, phone),
# steps (title, duration, offset days, description, follow-up?), angles per theme slug.
PROVIDERS = [
    {
        "slug": "forskningscenter-fyrtaarn",
        "unit": "Forskningscenter Fyrtårn (demo)",
        "summary": "Forskere og formidlere, der bringer forskningsbaseret viden om psykisk arbejdsmiljø ud på arbejdspladsen – og lader den blive der.",
        "approach": """Vi vil give viden, der kan bruges i morgen, og som hænger sammen med kerneopgaven. Derfor kobler vi forløbet til jeres MED- og arbejdsmiljøorganisation og til de opgaver, I allerede har.

Forskningen viser, at et bedre psykisk arbejdsmiljø kræver en vedholdende indsats, hvor både ledere og medarbejdere bidrager. Vores faste model er derfor en samlet pakke, som I kan tilpasse, men ikke skære i.""",
        "website": "https://fyrtaarn.example",
        "members": [
            ("fyrtaarn1@bifrost.example", "Frede Fyrtårn", "Netværkskonsulent", "+45 00 00 10 01"),
            ("fyrtaarn2@bifrost.example", "Tove Tågelur", "Forskningsleder", "+45 00 00 10 02"),
        ],
        "steps": [
            (
                "Forberedende møde",
                "1–2 timer på video eller telefon",
                0,
                "Vi planlægger forløbet sammen med repræsentanter for ledere og medarbejdere: formål, mål, rammer og ressourcer.",
                False,
            ),
            (
                "Seminar for hele arbejdspladsen",
                "En halv eller en hel dag",
                21,
                "Forskere og formidlere præsenterer viden om de valgte temaer, og I arbejder i grupper med de tiltag, I vil afprøve. I kan også selv lede seminaret med os som observatør.",
                False,
            ),
            (
                "Aktivitetsfase med midtvejsmøde",
                "2–3 måneder; midtvejsmøde på video",
                28,
                "I afprøver tiltagene i hverdagen. Halvvejs holder vi et møde, hvor vi giver feedback og ny inspiration.",
                False,
            ),
            (
                "Opsamlingsmøde",
                "2 timer",
                110,
                "Vi gør status sammen: Hvad har I lært, hvad virkede, og hvor skal I hen herfra?",
                False,
            ),
            (
                "Opfølgningssamtale",
                "1 time",
                150,
                "Den opfølgningssamtale, tilbuddet kræver: hvordan går det med den lokale opfølgning?",
                True,
            ),
        ],
        "angles": {
            "organisatoriske-forandringer": (
                "Inddrag dem, det handler om",
                "Forandringer skaber usikkerhed. God information og reel inddragelse gør, at ledernes og medarbejdernes viden om de lokale forhold kommer i spil, og at flere tager ejerskab.",
            ),
            "faglige-forandringer": (
                "Styrk samarbejdsrelationerne",
                "Nye arbejdsgange skal knyttes til de daglige opgaver. Vi sætter fokus på den sociale kapital – tilliden og samarbejdet mellem faggrupper og mellem ledelse og medarbejdere.",
            ),
            "vold-og-trusler": (
                "Et fælles sprog om vold",
                "Vi hjælper jer til en fælles forståelse af, hvad vold, trusler og chikane er hos jer, og ser på forebyggelsen som en opgave for hele organisationen.",
            ),
            "samarbejde-kultur-og-mobning": (
                "Byg gode relationer",
                "Tillidsfulde relationer i teamet og på tværs er en ressource for både trivsel og kvalitet. Vi arbejder med, hvordan kulturen kan støtte dem – og modvirke konflikter og mobning.",
            ),
        },
    },
    {
        "slug": "universitetscenter-havoern",
        "unit": "Universitetscenter Havørn (demo)",
        "summary": "Universitetsforskere, der med en deltagende tilgang skaber nye samtaler om arbejdet – med afsæt i en grundig forundersøgelse.",
        "approach": """Vi arbejder deltageraktiverende: refleksion og dialog, hvor forskningens begreber møder jeres konkrete arbejdsforhold. Når en forsker leder samtalen i et andet rum end det vante, opstår der ofte nye erkendelser.

Vi designer indsatsen sammen med jer og inddrager medarbejdere, ledere og tillidsvalgte – gerne på tværs af faggrupper og afsnit. Grundlaget er altid en forundersøgelse.""",
        "website": "https://havoern.example",
        "members": [
            ("havoern1@bifrost.example", "Hans Havørn", "Lektor", "+45 00 00 20 01"),
        ],
        "steps": [
            (
                "Design af forløbet",
                "Et møde",
                0,
                "Vi aftaler sammen, hvem der deltager, og hvad forløbet skal føre til.",
                False,
            ),
            (
                "Forundersøgelse med besøg og interviews",
                "2–4 uger",
                14,
                "Fokusgrupper, enkeltinterviews og observation giver os et billede af arbejdet, som det faktisk foregår.",
                False,
            ),
            (
                "Analyse",
                "2 uger",
                42,
                "Vi sætter forskningsbaserede begreber på det, vi har set og hørt – både styrker og udfordringer.",
                False,
            ),
            (
                "Workshops",
                "1–3 workshops",
                60,
                "Deltagerne finder deres handlerum og udvikler forslag til tiltag på kort og langt sigt.",
                False,
            ),
            (
                "Afslutning og evaluering",
                "2 timer",
                100,
                "Vi samler den vigtigste viden op og evaluerer forløbet med jer.",
                False,
            ),
            (
                "Opfølgningssamtale",
                "1 time",
                140,
                "Den påkrævede samtale om, hvordan tiltagene lever videre lokalt.",
                True,
            ),
        ],
        "angles": {
            "organisatoriske-forandringer": (
                "Find stabilitet og nye rytmer",
                "Når vante rutiner brydes, kommer tiden under pres. Vi arbejder med tidskonflikter og timing, så der skabes ro nok i hverdagen og klarhed over, hvem der gør hvad og hvornår.",
            ),
            "faglige-forandringer": (
                "Gør erfaringer til fælles læring",
                "Hurtige ændringer kan rokke ved det faglige fundament. Vi hjælper jer med at dele og bearbejde erfaringerne, så de bliver til ny, fælles faglighed.",
            ),
            "samarbejde-kultur-og-mobning": (
                "Plads til både den enkelte og fællesskabet",
                "Kulturen skabes i hverdagen: i møder, pauser og ritualer. Vi ser systematisk på, hvornår I mødes, og om der er tid til at lære hinanden at kende fagligt og socialt.",
            ),
        },
    },
    {
        "slug": "raadgivningshuset-regnbue",
        "unit": "Rådgivningshuset Regnbue (demo)",
        "summary": "Erfarne arbejdsmiljørådgivere, der arbejder med aktionslæring i længere forløb, så nye vaner når at slå rod.",
        "approach": """Dialog og deltagelse er kernen i vores arbejde. Med aktionslæring udvikler og afprøver grupper selv idéer til et bedre psykisk arbejdsmiljø.

Vi starter altid tæt på arbejdsmiljørepræsentanterne og ledelsen og vil gerne forstå jeres udfordringer i detaljen. Vores erfaring er, at længere forløb giver mest, fordi man kan vende tilbage til udfordringerne flere gange.""",
        "website": "https://regnbue.example",
        "members": [
            ("regnbue1@bifrost.example", "Rikke Regnbue", "Afdelingsleder", "+45 00 00 30 01"),
            (
                "regnbue2@bifrost.example",
                "Sune Solstrejf",
                "Arbejdsmiljørådgiver",
                "+45 00 00 30 02",
            ),
        ],
        "steps": [
            (
                "Formøde",
                "1–2 timer",
                0,
                "Vi fastlægger sammen mål, forløb og succeskriterier.",
                False,
            ),
            (
                "Opstartsworkshop",
                "En halv dag",
                14,
                "Alle relevante deltagere vælger de vigtigste indsatsområder.",
                False,
            ),
            (
                "Korte møder i hverdagen",
                "Løbende over 2–4 måneder",
                30,
                "Korte møder med udvalgte ledere og medarbejdere og hjælp til at afprøve konkrete forbedringer.",
                False,
            ),
            (
                "Fælles læringsmøde",
                "2 timer, evt. flere",
                75,
                "Vi drøfter de igangværende tiltag og justerer dem undervejs.",
                False,
            ),
            (
                "Afrundende workshop",
                "En halv dag",
                120,
                "Vi sikrer forankring og aftaler, hvordan indsatsen fortsætter.",
                False,
            ),
            (
                "Opfølgningssamtale",
                "1 time",
                160,
                "Opfølgningssamtalen, som hører med til hvert forløb.",
                True,
            ),
        ],
        "angles": {
            "organisatoriske-forandringer": (
                "Styrk arbejdspladsens mentale sundhed",
                "Mental sundhed handler ikke om at gøre den enkelte hårdfør, men om at styrke fællesskabet og styre arbejdspresset. Vi giver redskaber til at forebygge belastninger under forandringer.",
            ),
            "vold-og-trusler": (
                "Løsninger i fællesskab",
                "Vold og trusler må aldrig blive den enkeltes problem. Vi arbejder praksisnært med nedtrapning og med at bearbejde hændelser sammen, så erfaringer bliver til fælles læring.",
            ),
            "samarbejde-kultur-og-mobning": (
                "Ræk en hånd ud",
                "Når konflikter er gået i hårdknude og opleves som chikane eller mobning, kan en udefrakommende facilitator hjælpe hele fællesskabet videre. Indsatsen skræddersys til situationen.",
            ),
        },
    },
]


def demo_logins() -> list[str]:
    return [email for spec in PROVIDERS for email, *_rest in spec["members"]]


def _half_year(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    if today.month <= 6:
        return datetime.date(today.year, 1, 1), datetime.date(today.year, 6, 30)
    return datetime.date(today.year, 7, 1), datetime.date(today.year, 12, 31)


def _round(today: datetime.date) -> OfferRound:
    start = today - datetime.timedelta(days=90)
    offer_round, _created = OfferRound.objects.get_or_create(
        slug=ROUND_SLUG,
        defaults={
            "name": f"{start.year}–{start.year + 2} (demo)",
            "accepts_from": start,
            "ends_on": start + datetime.timedelta(days=730),
            "introduction": INTRODUCTION,
            "rules_text": RULES,
            "published": True,
        },
    )
    for position, (slug, title, introduction) in enumerate(THEMES):
        Theme.objects.get_or_create(
            round=offer_round,
            slug=slug,
            defaults={"title": title, "introduction": introduction, "position": position},
        )
    return offer_round


def _provider(spec: dict, position: int, offer_round: OfferRound, today: datetime.date) -> None:
    # Not ending in "(demo)": the demo programme enrols every such unit (programme/demo.py).
    unit, _created = Organisation.objects.get_or_create(
        name=f"{spec['unit']} – udbyder", defaults={"kind": Organisation.Kind.ADVISORY_UNIT}
    )
    for email, name, _title, _phone in spec["members"]:
        user_create_with_role(
            email=email,
            password=DEMO_PASSWORD,
            full_name=name,
            organisation=unit,
            role=Role.ADVISOR,
        )
    provider, created = Provider.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "organisation": unit,
            "name": spec["unit"],
            "summary": spec["summary"],
            "approach": spec["approach"],
            "website": spec["website"],
            "position": position,
        },
    )
    if created:
        for index, (email, name, title, phone) in enumerate(spec["members"]):
            ContactPerson.objects.create(
                provider=provider,
                name=name,
                job_title=title,
                email=email,
                phone=phone,
                position=index,
            )
        for index, (title, duration, offset, description, follow_up) in enumerate(spec["steps"]):
            CourseModelStep.objects.create(
                provider=provider,
                position=index + 1,
                title=title,
                duration=duration,
                offset_days=offset,
                description=description,
                is_follow_up=follow_up,
            )
    themes = {theme.slug: theme for theme in offer_round.themes.all()}
    for slug, (headline, angle) in spec["angles"].items():
        ProviderTheme.objects.get_or_create(
            provider=provider,
            theme=themes[slug],
            defaults={"headline": headline, "angle": angle},
        )
    starts_on, ends_on = _half_year(today)
    if not provider.capacities.filter(starts_on__lte=ends_on, ends_on__gte=starts_on).exists():
        ProviderCapacity.objects.create(
            provider=provider, starts_on=starts_on, ends_on=ends_on, courses=3 + position
        )
    if not provider.published:
        provider.published = True
        provider.save(update_fields=["published"])


def load(stdout=None, today=None) -> None:
    """The demo round, themes and providers; then the demo requests if they exist."""
    today = today or datetime.date.today()  # noqa: DTZ011 - demo_data passes the local date
    offer_round = _round(today)
    for position, spec in enumerate(PROVIDERS):
        _provider(spec, position, offer_round, today)
    if stdout is not None:
        stdout.write(f"Advice catalogue: {offer_round.name}, {len(PROVIDERS)} providers.")
    if find_spec("advice.requests.demo") is not None:
        import_module("advice.requests.demo").load(stdout=stdout, today=today)
