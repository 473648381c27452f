"""Realistic logbook text for the PDF benchmark (own words, fictional)."""

import random

SENTENCES = [
    "Vi har aftalt at holde et kort tjek-ind hver mandag, hvor alle siger, hvad der fylder.",
    "Deadlines samler sig om torsdagen, og så bliver stemningen hurtigt presset.",
    "Rådgiveren foreslog, at vi skriver forventningerne ned, før en opgave bliver fordelt.",
    "Flere har sagt, at det hjælper at vide, hvem man kan gå til, når opgaverne hober sig op.",
    "Vi prøver at skærme to formiddage om ugen, hvor der ikke holdes møder.",
    "Lederen har fået sparring om, hvordan man tager den svære samtale tidligt.",
    "Det var tydeligt på mødet, at vi ikke havde samme billede af, hvad travlhed betyder.",
    "Vi vil følge op på, om de faste fokusdage faktisk bliver holdt i praksis.",
    "En kollega vender gradvist tilbage, og teamet har aftalt, hvordan opgaverne deles imens.",
    "Arbejdsmiljørepræsentanten var med og pegede på, at pauserne ofte springes over.",
    "Vi har lavet en enkel oversigt over, hvem der dækker hvad i ferieperioden.",
    "Det hæmmer os, at mange beslutninger bliver truffet i sidste øjeblik.",
    "Det fremmer os, at vi er blevet bedre til at sige fra i tide.",
    "Næste skridt er at tale om stresspolitikken på personalemødet i næste måned.",
    "Vi har brugt rådgiverens spørgeark som udgangspunkt for en snak i ledergruppen.",
    "Overdragelser mellem vagtholdene giver stadig misforståelser, især om fredagen.",
    "Vi oplever, at det er lettere at tage snakken, når der er en fast ramme omkring den.",
    "Til udviklingsmødet vil vi gerne høre, hvordan andre virksomheder har grebet det an.",
]
TITLES = [
    "Tjek-ind om mandagen",
    "Travlhed op til deadline",
    "Forventninger ved opgavefordeling",
    "Fokusdage uden møder",
    "Sparring til lederen",
    "Tilbagevenden efter sygefravær",
    "Pauser i hverdagen",
    "Overdragelser mellem hold",
    "Input til næste udviklingsmøde",
    "Erfaringer med rådgiveren",
    "Hvad hæmmer, og hvad fremmer",
    "Stresspolitik på dagsordenen",
]
COMMENTS = [
    "Godt tiltag. Husk at skrive ned, hvad I lærer af de første uger.",
    "Kunne I prøve at spørge medarbejderne direkte, hvad der virker?",
    "Jeg tager et par eksempler med til næste møde, som måske kan inspirere.",
    "Det lyder som et vigtigt skridt; lad os tale om opfølgningen sammen.",
]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(SENTENCES, rng.randint(3, 5)))


def body(rng: random.Random) -> str:
    parts = [paragraph(rng) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.4:
        parts.insert(1, "\n".join(f"- {s}" for s in rng.sample(SENTENCES, 3)))
    if rng.random() < 0.3:
        parts[0] = parts[0].replace("Vi ", "**Vi** ", 1)
    return "\n\n".join(parts)
