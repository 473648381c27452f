"""Benchmark of the agenda PDF (`programme.exports.agenda`): cold and warm, against a
one-paragraph PDF.

Not a test (nothing here is collected by pytest, see conftest.py): it asserts
nothing about speed, it prints a Markdown section. Run from the repository root,
with PostgreSQL on this machine:

    .venv/bin/python tests/bench/agenda_pdf_bench.py
    .venv/bin/python tests/bench/agenda_pdf_bench.py --items 20 --processes 5

It creates its own database (DATABASE_URL, default .../bifrost_bench_agenda; the
name must start with "bifrost_bench"), makes a programme from the template and
gives one development meeting a realistic agenda (`--items`, 16 by default: a
welcome, presentations, workshops, exercises, breaks, a round-up; each with a
responsible person, a description of a few lines, and for most a knowledge page,
a link or a material file). Then, in each of `--processes` fresh processes
(Django set up, WeasyPrint not yet imported, as in a new export worker), it
renders the agenda as `_render` does: `agenda_html(meeting_with_agenda(pk))`,
then WeasyPrint with `refuse_url` and `write_pdf()`.

- first: the first agenda in the process, with WeasyPrint imported beforehand as
  `bifrost.celery` does when the PDF worker starts (the verdict that matters),
  and without that preload (the first agenda also imports WeasyPrint);
- warm: the median of the next `--runs` agendas in the same process;
- baseline: the median of `--runs` PDFs of one paragraph in the same process,
  after the agenda (what any PDF costs there: layout start-up, the PDF writer).

The goal is an agenda PDF in at most 2 s (issue "Fast for everyone", goal 5);
the verdict is on the median first and warm times. The database
is dropped at the end unless --keep-db; material files go to a temporary
MEDIA_ROOT that is removed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench.logbook_pdf_bench import configure, drop_database, recreate_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bifrost_bench_agenda"
GOAL_S = 2.0
ONE_PARAGRAPH = (
    '<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Et afsnit</title>'
    '<style>body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; }</style>'
    "</head><body><p>Et enkelt afsnit tekst, så målingen viser, hvad en PDF koster i sig "
    "selv: opstart af layoutet og skrivningen af filen.</p></body></html>"
)

# (title, kind, minutes, responsible, has material) — own words, fictional people.
ITEMS = [
    ("Velkomst og dagens program", "plenary", 10, "Frida Facilitator", False),
    ("Tjek-ind: hvad fylder lige nu?", "exercise", 15, "Frida Facilitator", False),
    ("Opsamling fra sidste møde", "presentation", 15, "Rasmus Rådgiver", True),
    ("Oplæg: forebyggelse af stress i små firmaer", "presentation", 30, "Gæstetaler", True),
    ("Spørgsmål til oplægget", "plenary", 10, "Frida Facilitator", False),
    ("Pause", "break", 15, "", False),
    ("Workshop: kortlæg jeres arbejdspres", "workshop", 40, "Rasmus Rådgiver", True),
    ("Fremlæggelse af kortlægningerne", "plenary", 20, "Virksomhederne", False),
    ("Frokost", "break", 45, "", False),
    ("Casefortælling fra en virksomhed", "presentation", 20, "Ejer fra netværket", True),
    ("Øvelse: den svære samtale", "exercise", 30, "Rasmus Rådgiver", True),
    ("Erfaringsudveksling i grupper", "workshop", 30, "Virksomhederne", False),
    ("Pause", "break", 10, "", False),
    ("Næste skridt i logbogen", "exercise", 20, "Frida Facilitator", True),
    ("Forberedelse til næste udviklingsmøde", "plenary", 15, "Frida Facilitator", True),
    ("Evaluering af dagen", "exercise", 10, "Frida Facilitator", False),
    ("Tak for i dag", "other", 5, "Frida Facilitator", False),
    ("Netværk og kaffe", "other", 20, "", False),
    ("Ekstra: spørgetid med rådgiverne", "plenary", 15, "Rasmus Rådgiver", False),
    ("Ekstra: materialer til hjemmearbejdet", "other", 5, "Frida Facilitator", True),
]
DESCRIPTION = [
    "Vi ser på, hvad der er sket siden sidst, og hvad I har prøvet af i hverdagen.",
    "Tag gerne eksempler med fra jeres egen virksomhed; alt, der bliver sagt, bliver i rummet.",
    "Rådgiveren viser et enkelt værktøj, som kan bruges på et personalemøde.",
    "I arbejder i små grupper og skriver jeres vigtigste pointer på et fælles ark.",
    "Materialet ligger også i platformen, så I kan finde det igen efter mødet.",
]


def say(message: str) -> None:
    print(f"[agenda-pdf-bench] {message}", file=sys.stderr, flush=True)


# --- Setup (parent process) ----------------------------------------------------------


def make_meeting(items: int, media_root: str) -> tuple[int, int]:
    """A programme from the template; one meeting gets `items` agenda items.
    Returns (meeting id, number of items)."""
    import datetime

    from django.core.files.base import ContentFile

    from knowledge.models import Page
    from programme.models import AgendaItem
    from programme.programmes import services
    from tests import factories

    facilitator = factories.facilitator(user__full_name="Frida Facilitator")
    programme = services.programme_create_from_template(
        name="BIFROST benchmark",
        description="Forløb til måling",
        starts_on=datetime.date(2027, 1, 4),
        ends_on=datetime.date(2027, 12, 17),
        user=facilitator,
    )
    meeting = programme.meetings.order_by("number").filter(number__gte=1).first()
    meeting.place = "Erhvervshuset, mødelokale 2, Vestergade 12, 8000 Aarhus C"
    meeting.theme = (
        "Arbejdspres og trivsel: hvordan opdager vi tegnene tidligt, og hvad kan en lille "
        "virksomhed gøre i praksis?\nTag jeres logbog og en konkret situation med."
    )
    meeting.ends_at = meeting.starts_at + datetime.timedelta(hours=7)
    meeting.save()
    meeting.agenda_items.all().delete()
    pages = list(Page.objects.filter(status=Page.Status.PUBLISHED).order_by("pk")[:10])
    chosen = (ITEMS * (items // len(ITEMS) + 1))[:items]
    for position, (title, kind, minutes, responsible, material) in enumerate(chosen, start=1):
        item = AgendaItem(
            meeting=meeting,
            position=position,
            title=title,
            kind=kind,
            duration_minutes=minutes,
            responsible=responsible,
            description=""
            if kind == "break"
            else "\n".join(DESCRIPTION[(position + k) % len(DESCRIPTION)] for k in range(3)),
            knowledge_page=pages[position % len(pages)] if pages and position % 3 == 0 else None,
            link="https://example.org/materiale" if position % 4 == 0 else "",
        )
        if material:
            item.material.save(
                f"materiale-{position}.pdf", ContentFile(b"%PDF-1.4\n% bench\n"), save=False
            )
        item.save()
    say(f"meeting {meeting.pk} with {len(chosen)} agenda items; files in {media_root}")
    return meeting.pk, len(chosen)


# --- Renders (child process) -------------------------------------------------------


def child(meeting_id: int, runs: int, preloaded: bool) -> None:
    import django

    django.setup()
    if preloaded:
        # What bifrost.celery does when the PDF worker starts, before it forks.
        from bifrost.core.pdf import preload

        preload()
    from bifrost.core.pdf import refuse_url
    from programme.exports.agenda import agenda_html
    from programme.meetings.selectors import meeting_with_agenda

    steps: dict[str, float] = {}

    def step(name: str, began: float) -> float:
        now = time.perf_counter()
        steps[name] = steps.get(name, 0.0) + now - began
        return now

    def agenda() -> tuple[int, int]:
        began = time.perf_counter()
        from weasyprint import HTML  # late, as in _render: the first call loads it

        began = step("import", began)
        html = agenda_html(meeting_with_agenda(meeting_id))
        began = step("html", began)
        document = HTML(string=html, url_fetcher=refuse_url).render()
        began = step("layout", began)
        pdf = document.write_pdf()
        step("write", began)
        return len(pdf), len(document.pages)

    def one_paragraph() -> tuple[int, int]:
        from weasyprint import HTML

        document = HTML(string=ONE_PARAGRAPH, url_fetcher=refuse_url).render()
        return len(document.write_pdf()), len(document.pages)

    def timed(func) -> tuple[float, tuple[int, int]]:
        start = time.perf_counter()
        result = func()
        return time.perf_counter() - start, result

    cold, (size, pages) = timed(agenda)
    cold_steps = dict(steps)
    warm = [timed(agenda)[0] for _ in range(runs)]
    baseline = [timed(one_paragraph)[0] for _ in range(runs)]
    print(
        json.dumps(
            {
                "cold": cold,
                "warm": warm,
                "baseline": baseline,
                "bytes": size,
                "pages": pages,
                "cold_steps": cold_steps,
            }
        ),
        flush=True,
    )


def run_child(meeting_id: int, runs: int, timeout: float, preloaded: bool) -> dict:
    completed = subprocess.run(  # noqa: S603 — our own script, fixed arguments
        [sys.executable, str(Path(__file__).resolve()), "--child", str(meeting_id),
         "--runs", str(runs), *(["--preloaded"] if preloaded else [])],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
        check=False,
    )  # fmt: skip
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        raise SystemExit(f"agenda render failed:\n{completed.stderr[-3000:]}")
    return json.loads(lines[-1])


# --- Report ----------------------------------------------------------------------------


def report(preloaded: list[dict], results: list[dict], items: int, runs: int) -> str:
    import weasyprint

    cold = statistics.median(r["cold"] for r in results)
    first = statistics.median(r["cold"] for r in preloaded)
    everyone = preloaded + results
    warm = statistics.median(t for r in everyone for t in r["warm"])
    base = statistics.median(t for r in everyone for t in r["baseline"])

    def verdict(seconds: float) -> str:
        return "within goal" if seconds <= GOAL_S else "over goal"

    n = len(results)
    rows = [
        (f"agenda, first in a new export-worker process (WeasyPrint preloaded at worker "
         f"start; median of {n}, slowest {max(r['cold'] for r in preloaded):.2f} s)", first),
        (f"agenda, first in a process without the preload (median of {n}, slowest "
         f"{max(r['cold'] for r in results):.2f} s)", cold),
        (f"agenda, warm (median of {runs} per process)", warm),
    ]  # fmt: skip
    lines = [
        "## Agenda PDF export",
        "",
        f"A development meeting with {items} agenda items (descriptions, responsible "
        f"people, knowledge pages, links, material files): {results[0]['pages']} page(s), "
        f"{results[0]['bytes'] / 1024:.0f} KiB. Rendered as `programme.exports.agenda._render` "
        "does (`agenda_html` of `meeting_with_agenda`, WeasyPrint with `refuse_url`, "
        "`write_pdf`). First: the first agenda in a fresh process, with WeasyPrint imported "
        "beforehand as `bifrost.celery` does when the PDF worker starts (it still loads the "
        "fonts), and without (it also imports WeasyPrint). Baseline: a one-paragraph PDF in "
        f"the same process (median of {runs} per process, after the agenda). "
        f"Goal ≤ {GOAL_S:g} s (the issue's goal 5). "
        f"WeasyPrint {weasyprint.__version__}, Python {platform.python_version()}.",
        "",
        "| render | seconds | one-paragraph PDF s | ratio | goal s | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for label, seconds in rows:
        lines.append(
            f"| {label} | {seconds:.3f} | {base:.3f} | {seconds / base:.1f}× | {GOAL_S:g} "
            f"| {verdict(seconds)} |"
        )
    steps = {
        name: statistics.median(r["cold_steps"][name] for r in results)
        for name in results[0]["cold_steps"]
    }
    lines += [
        "",
        "Where the first render's time goes (median)"
        + " without the preload: "
        + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items())
        + " (import: `from weasyprint import HTML`; html: loading the "
        "meeting and rendering the template; layout: WeasyPrint's `render()`, fonts "
        "included; write: `write_pdf()`).",
    ]
    return "\n".join(lines) + "\n"


# --- Main ----------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=16, help="agenda items (16)")
    parser.add_argument("--runs", type=int, default=5, help="warm renders per process (5)")
    parser.add_argument("--processes", type=int, default=3, help="fresh processes (3)")
    parser.add_argument("--timeout", type=float, default=300.0, help="per process, seconds")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--preloaded", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.child is not None:
        child(args.child, args.runs, args.preloaded)
        return 0
    media_root = tempfile.mkdtemp(prefix="bifrost-agenda-bench-")
    db = configure(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, media_root)
    recreate_database(db)
    say(f"database {db['NAME']} (re)created")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        from knowledge.editor.services import load_initial_content

        call_command("migrate", interactive=False, verbosity=0)
        load_initial_content()
        meeting_id, items = make_meeting(args.items, media_root)
        connections.close_all()
        preloaded, results = [], []
        for n in range(args.processes):
            say(f"fresh processes {n + 1} of {args.processes}…")
            preloaded.append(run_child(meeting_id, args.runs, args.timeout, preloaded=True))
            results.append(run_child(meeting_id, args.runs, args.timeout, preloaded=False))
        print(report(preloaded, results, items, args.runs))
    finally:
        shutil.rmtree(media_root, ignore_errors=True)
        if not args.keep_db:
            try:
                from django.db import connections

                connections.close_all()
            except Exception:  # noqa: S110 — Django may not be set up yet
                pass
            drop_database(db)
            say(f"database {db['NAME']} dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
