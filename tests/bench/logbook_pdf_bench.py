"""Benchmark of the logbook PDF export (`logbook.exports.pdf.LOGBOOK_PDF`): time, pages, memory.

Not a test (nothing here is collected by pytest, see conftest.py): it asserts
nothing about speed, it prints a summary table. Run from the repository root,
with PostgreSQL on this machine:

    .venv/bin/python tests/bench/logbook_pdf_bench.py
    .venv/bin/python tests/bench/logbook_pdf_bench.py --sizes 10 100 500 1000 --keep-db

It creates its own database (DATABASE_URL, default .../bifrost_bench_logbook; the
name must start with "bifrost_bench"), fills one logbook per size with realistic
entries (a few Markdown paragraphs each, a third with one to three comments, the
kind-specific fields, readiness checks and critical situations), and then makes
the PDF of each logbook in a fresh subprocess, exactly as the Celery task does
(`build_pdf`: load, render the HTML, lay out with WeasyPrint, write the PDF, save
the file, mark the row done). Each subprocess reports its wall time, the number
of pages, pages per second and its peak resident memory (ru_maxrss), and the
baseline memory after Django and WeasyPrint were imported, before the export.

A fresh process per size keeps the memory figures apart: the export worker
replaces a process after a PDF that pushed it past --max-memory-per-child, so
the peak of one export in one process is the number that matters there. The
run fails (exit 1) when an export fails or goes over --limit-mib (1024).

The database is dropped at the end unless --keep-db; files go to a temporary
MEDIA_ROOT that is removed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench.logbook_text import COMMENTS, SENTENCES, TITLES, body, paragraph  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bifrost_bench_logbook"
BENCH_DB_NAME = re.compile(r"^bifrost_bench[a-z0-9_]*$")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEFAULT_SIZES = [10, 100, 500]


def say(message: str) -> None:
    print(f"[logbook-pdf-bench] {message}", file=sys.stderr, flush=True)


def peak_rss_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- Setup (parent process) ----------------------------------------------------------


def configure(database_url: str, media_root: str) -> dict:
    host = urlsplit(database_url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(f"DATABASE_URL must point at a loopback address, not {host!r}")
    import environ

    db = environ.Env.db_url_config(database_url)
    if "postgresql" not in db["ENGINE"] or not BENCH_DB_NAME.match(db["NAME"] or ""):
        raise SystemExit(
            "DATABASE_URL must be PostgreSQL with a database named bifrost_bench...: "
            f"the benchmark drops and recreates it (got {db['ENGINE']} / {db['NAME']!r})"
        )
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bifrost.settings",
            "DJANGO_ENV": "test",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "CELERY_TASK_ALWAYS_EAGER": "true",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": media_root,
        }
    )
    os.environ.pop("REDIS_URL", None)  # nothing here needs the cache or a broker
    return db


def _maintenance(db: dict):
    import psycopg

    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=int(db["PORT"] or 5432),
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    )


def recreate_database(db: dict) -> None:
    from psycopg import sql

    with _maintenance(db) as conn:
        name = sql.Identifier(db["NAME"])
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(name))


def drop_database(db: dict) -> None:
    from psycopg import sql

    with _maintenance(db) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db["NAME"]))
        )


def make_logbooks(sizes: list[int], seed: int) -> dict[int, int]:
    """One company, logbook and case per size; returns size → logbook id."""
    import datetime

    from logbook.insights.readiness import STATEMENT_KEYS
    from logbook.models import CriticalSituation, Entry, EntryComment, Logbook, ReadinessCheck
    from matching.models import Case
    from programme.models import Enrolment
    from programme.programmes import services
    from tests import factories

    rng = random.Random(seed)
    facilitator = factories.facilitator(user__full_name="Frida Facilitator")
    programme = services.programme_create_from_template(
        name="BIFROST benchmark",
        description="Forløb til måling",
        starts_on=datetime.date(2027, 1, 4),
        ends_on=datetime.date(2027, 12, 17),
        user=facilitator,
    )
    unit = factories.AdvisoryUnitFactory(name="Rådgiverenhed (bench)")
    Enrolment.objects.create(programme=programme, organisation=unit)
    advisor = factories.advisor(organisation=unit, user__full_name="Rasmus Rådgiver")
    meetings = list(programme.meetings.order_by("starts_at"))
    result = {}
    for size in sizes:
        company = factories.OrganisationFactory(name=f"Testvirksomhed {size} ApS")
        Enrolment.objects.create(programme=programme, organisation=company)
        owner = factories.smv_owner(organisation=company, user__full_name=f"Ejer Nummer{size}")
        Case.objects.create(programme=programme, company=company, advisor=advisor, unit=unit)
        # Enrolling the company made its logbook.
        logbook = Logbook.objects.get(programme=programme, company=company)
        kinds = list(Entry.Kind)
        entries = []
        for i in range(size):
            kind = kinds[i % len(kinds)]
            entry = Entry(
                logbook=logbook,
                kind=kind,
                entry_date=datetime.date(2027, 1, 4) + datetime.timedelta(days=i * 340 // size),
                author=owner,
                title=f"{rng.choice(TITLES)} ({i + 1})",
                body=body(rng),
                meeting=rng.choice(meetings) if kind == Entry.Kind.MEETING_INPUT else None,
            )
            if kind == Entry.Kind.INITIATIVE:
                entry.for_whom = "Redaktionen og de to vagthold"
                entry.when_text = "Fra næste måned, hver mandag"
                entry.expected_effect = paragraph(rng)
            if kind == Entry.Kind.REFLECTION:
                entry.hindrances = rng.sample(SENTENCES, 2)
                entry.helps = rng.sample(SENTENCES, 2)
            entries.append(entry)
        Entry.objects.bulk_create(entries, batch_size=500)
        comments = [
            EntryComment(entry=entry, author=advisor, text=rng.choice(COMMENTS))
            for entry in entries
            if rng.random() < 1 / 3
            for _ in range(rng.randint(1, 3))
        ]
        EntryComment.objects.bulk_create(comments, batch_size=500)
        for n in range(6):
            ReadinessCheck.objects.create(
                logbook=logbook,
                taken_on=datetime.date(2027, 1, 10) + datetime.timedelta(weeks=5 * n),
                scores={key: rng.randint(1, 5) for key in STATEMENT_KEYS},
                note=rng.choice(SENTENCES),
            )
        for n in range(max(1, size // 50)):
            CriticalSituation.objects.create(
                logbook=logbook,
                occurred_on=datetime.date(2027, 2, 1) + datetime.timedelta(days=n * 7),
                trigger=rng.choice(list(CriticalSituation.Trigger)),
                what_happened=paragraph(rng),
                what_supported=rng.choice(SENTENCES),
            )
        result[size] = logbook.pk
        say(f"logbook of {size} entries, {len(comments)} comments: id {logbook.pk}")
    return result


# --- One export (child process) ------------------------------------------------------


def child(logbook_id: int) -> None:
    import django

    django.setup()
    import weasyprint  # noqa: F401 — imported before the baseline, like a warm worker

    from logbook.exports.pdf import LOGBOOK_PDF
    from logbook.models import LogbookExport

    baseline = peak_rss_mib()
    export = LogbookExport.objects.create(
        logbook_id=logbook_id, version=f"bench-{os.getpid()}-{time.time_ns()}"
    )
    start = time.perf_counter()
    status = LOGBOOK_PDF.build(export.pk)
    seconds = time.perf_counter() - start
    export.refresh_from_db()
    size = Path(export.file.path).stat().st_size if export.file else 0
    print(
        json.dumps(
            {
                "status": status,
                "seconds": seconds,
                "pages": export.pages or 0,
                "bytes": size,
                "baseline_mib": baseline,
                "peak_mib": peak_rss_mib(),
            }
        ),
        flush=True,
    )


def run_child(logbook_id: int, timeout: float) -> dict:
    completed = subprocess.run(  # noqa: S603 — our own script, fixed arguments
        [sys.executable, str(Path(__file__).resolve()), "--child", str(logbook_id)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        say(f"export of logbook {logbook_id} failed:\n{completed.stderr[-3000:]}")
        return {"status": "failed", "seconds": 0, "pages": 0, "bytes": 0}
    return json.loads(lines[-1])


# --- Report --------------------------------------------------------------------------

GOAL_ENTRIES, GOAL_SECONDS = 500, 20.0  # issue "Fast for everyone", goal 5


def report(rows: list[tuple[int, dict]], limit_mib: float) -> str:
    """The Markdown section of `make bench`'s report: each size against the smallest
    logbook's export in the same run; the verdict for the 500-entry logbook against
    the goal (≤ 20 s and under the memory limit), for every size against the limit."""
    import weasyprint

    base_size, base = rows[0]
    lines = [
        "## Logbook PDF export",
        "",
        f"Each logbook exported in a fresh process as the Celery task does (`build`: load, "
        f"HTML, WeasyPrint, write, save); baseline: the {base_size}-entry logbook in the same "
        f"run. Peak MiB is the whole process (Django, WeasyPrint, fonts) from ru_maxrss. Goal: "
        f"the {GOAL_ENTRIES}-entry logbook ≤ {GOAL_SECONDS:g} s and < {limit_mib:.0f} MiB (the "
        f"issue's goal 5). Python {platform.python_version()}, WeasyPrint "
        f"{weasyprint.__version__}.",
        "",
        f"| entries | status | seconds | {base_size} entries s | ratio | pages | pages/s "
        "| PDF KiB | base MiB | peak MiB | verdict |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for size, r in rows:
        pps = r["pages"] / r["seconds"] if r["seconds"] else 0
        ratio = r["seconds"] / base["seconds"] if base["seconds"] else float("nan")
        peak = r.get("peak_mib", 0)
        if r["status"] != "done":
            verdict = "**failed**"
        elif peak >= limit_mib:
            verdict = "**over the memory limit**"
        elif size == GOAL_ENTRIES:
            verdict = "within goal" if r["seconds"] <= GOAL_SECONDS else "over goal (time)"
        else:
            verdict = "under the memory limit"
        lines.append(
            f"| {size} | {r['status']} | {r['seconds']:.2f} | {base['seconds']:.2f} "
            f"| {ratio:.1f}× | {r['pages']} | {pps:.1f} | {r['bytes'] / 1024:.0f} "
            f"| {r.get('baseline_mib', 0):.0f} | {peak:.0f} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


# --- Main ----------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--limit-mib", type=float, default=1024.0)
    parser.add_argument("--timeout", type=float, default=600.0, help="per export, seconds")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.child is not None:
        child(args.child)
        return 0
    media_root = tempfile.mkdtemp(prefix="bifrost-pdf-bench-")
    db = configure(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, media_root)
    recreate_database(db)
    say(f"database {db['NAME']} (re)created; files in {media_root}")
    failed = False
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", interactive=False, verbosity=0)
        logbooks = make_logbooks(args.sizes, args.seed)
        connections.close_all()
        rows = []
        for size in args.sizes:
            say(f"exporting {size} entries…")
            result = run_child(logbooks[size], args.timeout)
            rows.append((size, result))
        failed = any(
            r["status"] != "done" or r.get("peak_mib", 0) > args.limit_mib for _, r in rows
        )
        print(report(rows, args.limit_mib))
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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
