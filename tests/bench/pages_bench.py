"""Logged-in main pages against a bare logged-in view, at demo scale and 10x.

Not a test (see README.md): it times each role's main pages in this process
with Django's test client (the whole middleware stack, sessions in the
database, the cache in Redis), against `bench-whoami/`, a view that only
needs the login, the session and the user, measured the same way and
interleaved with the pages. It prints the median of `--runs` requests per
page, the ratio page / bare view, and the page's query count at each scale:
the count must not grow with the data, the ratio should stay at or below
`BUDGET`.

    .venv/bin/python tests/bench/pages_bench.py              # about 4 minutes
    .venv/bin/python tests/bench/pages_bench.py --scales 1   # demo scale only
"""

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.scratch import forget_keys, recreate_database  # noqa: E402

BUDGET = 4.0
DB_NAME = "bifrost_bench_pages"


@dataclass
class Row:
    role: str
    page: str
    url: str
    medians: dict[int, float] = field(default_factory=dict)
    baselines: dict[int, float] = field(default_factory=dict)
    queries: dict[int, int] = field(default_factory=dict)
    # The same page built every time (the viewer cache off): a first visit, or the
    # first after a write to what the page reads.
    built: dict[int, float] = field(default_factory=dict)
    built_baselines: dict[int, float] = field(default_factory=dict)
    built_queries: dict[int, int] = field(default_factory=dict)

    def ratio(self, scale: int) -> float:
        return self.medians[scale] / self.baselines[scale]

    def built_ratio(self, scale: int) -> float:
        return self.built[scale] / self.built_baselines[scale]


def _configure() -> None:
    os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.bench_settings"
    os.environ["DJANGO_ENV"] = "test"
    os.environ["DEBUG"] = "false"
    os.environ["BENCH_CACHE_PREFIX"] = f"bifrost-bench-pages-{os.getpid()}"
    name = os.environ["DATABASE_URL"].rsplit("/", 1)[-1]
    if not name.startswith("bifrost_bench"):
        sys.exit(f"DATABASE_URL must name a database starting with bifrost_bench (not {name})")


def _fresh_database() -> None:
    """Drop and recreate the benchmark's own database (its name is checked above)."""
    recreate_database(os.environ["DATABASE_URL"])


def _load(scale: int) -> dict[str, int]:
    """Migrate, load the demo, then add (scale - 1) times the demo's volume of the
    rows the main pages list: cases per advisor (with companies, logbooks, tasks
    and meetings), logbook entries and notifications. Returns row counts."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    if scale > 1:
        _scale_up(scale)
    return _counts()


def _counts() -> dict[str, int]:
    from bifrost.core.models import Notification
    from logbook.models import Entry
    from matching.models import Case

    return {
        "cases": Case.objects.count(),
        "entries": Entry.objects.count(),
        "notifications": Notification.objects.count(),
    }


def _scale_up(scale: int) -> None:
    from bifrost.core.models import Notification
    from logbook.models import Logbook
    from matching.models import Case
    from tests.accounts.dashboards.builders import busy, cases_for
    from tests.logbook.factories import EntryFactory

    extra = scale - 1
    demo_cases = list(Case.objects.select_related("advisor", "unit", "programme"))
    by_advisor: dict = {}
    for case in demo_cases:
        by_advisor.setdefault((case.advisor, case.unit, case.programme), []).append(case)
    for (advisor, unit, programme), cases in by_advisor.items():
        busy(cases_for(advisor, unit, programme, len(cases) * extra), advisor)
    for logbook in Logbook.objects.all():
        count = logbook.entries.count()
        EntryFactory.create_batch(count * extra, logbook=logbook)
    demo_notifications = list(Notification.objects.all())
    copies = []
    for copy in range(extra):
        for notification in demo_notifications:
            notification.pk = None
            fields = {
                f.attname: getattr(notification, f.attname)
                for f in Notification._meta.concrete_fields
                if not f.primary_key
            }
            # One notification per recipient and cause (notification_once_per_cause).
            fields["cause"] = f"{fields['cause']}:bench-copy-{copy}"
            copies.append(Notification(**fields))
    Notification.objects.bulk_create(copies, batch_size=1000)


def _pages() -> list[tuple[str, str, str, str]]:
    """(role, e-mail, page name, url) of each role's main pages in the demo."""
    from django.urls import reverse

    from advice.models import Provider
    from logbook.models import Entry, Logbook
    from matching.models import Case, MatchRun
    from programme.models import Meeting, Programme

    owner, advisor, facilitator = (
        "smv1@bifrost.example",
        "advisor1@bifrost.example",
        "facilitator@bifrost.example",
    )
    case = Case.objects.filter(advisor__email=advisor).order_by("pk").first()
    logbook = Logbook.objects.get(company=case.company)
    entry = Entry.objects.filter(logbook=logbook).order_by("-pk").first()
    programme = Programme.objects.filter(cases=case).first()
    meeting = Meeting.objects.filter(programme=programme).order_by("starts_at").last()
    run = MatchRun.objects.filter(programme=programme).order_by("-pk").first()
    provider = Provider.objects.order_by("pk").first()
    owner_email = (
        case.company.memberships.filter(role="smv_owner")
        .values_list("user__email", flat=True)
        .first()
    ) or owner
    provider_email = provider.organisation.memberships.values_list("user__email", flat=True).first()
    rows = [
        ("owner", owner_email, "dashboard", reverse("dashboard")),
        ("owner", owner_email, "logbook", reverse("logbook:detail", args=[logbook.pk])),
        ("owner", owner_email, "entry form", reverse("logbook:entry_create", args=[logbook.pk])),
        ("owner", owner_email, "case", reverse("matching:case_detail", args=[case.pk])),
        ("owner", owner_email, "notifications", reverse("core:notifications")),
        ("advisor", advisor, "dashboard", reverse("dashboard")),
        ("advisor", advisor, "case list", reverse("matching:case_dashboard")),
        ("advisor", advisor, "case", reverse("matching:case_detail", args=[case.pk])),
        ("advisor", advisor, "logbook", reverse("logbook:detail", args=[logbook.pk])),
        (
            "advisor",
            advisor,
            "entry",
            reverse("logbook:entry_detail", args=[logbook.pk, entry.pk]),
        ),
        ("facilitator", facilitator, "dashboard", reverse("dashboard")),
        (
            "facilitator",
            facilitator,
            "programme",
            reverse("programme:programme_detail", args=[programme.pk]),
        ),
        (
            "facilitator",
            facilitator,
            "programme's cases",
            reverse("matching:programme_cases", args=[programme.pk]),
        ),
        ("facilitator", facilitator, "agenda", reverse("programme:agenda", args=[meeting.pk])),
        ("facilitator", facilitator, "run view", reverse("programme:run", args=[meeting.pk])),
        ("facilitator", facilitator, "match run", reverse("matching:run", args=[run.pk])),
        ("facilitator", facilitator, "notifications", reverse("core:notifications")),
    ]
    if provider_email:
        rows += [
            ("provider", provider_email, "dashboard", reverse("dashboard")),
            (
                "provider",
                provider_email,
                "request queue",
                reverse("advice:provider_queue", args=[provider.slug]),
            ),
        ]
    return rows


def _time(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed * 1000


def _measure(rows: dict, scale: int, runs: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    users = get_user_model().objects
    for role, email, page, url in _pages():
        row = rows.setdefault((role, page), Row(role, page, url))
        client = Client()
        client.force_login(users.get(email=email))
        for kept in (True, False):
            with override_settings(**({} if kept else {"VIEWER_CACHE_SECONDS": 0})):
                for _ in range(3):  # warm: templates compiled, caches filled, visit rows written
                    _time(client, url)
                    _time(client, "/bench-whoami/")
                with CaptureQueriesContext(connection) as captured:
                    _time(client, url)
                queries = len(captured.captured_queries)  # read now: the log is per request
                page_ms, bare_ms = [], []
                for _ in range(runs):
                    page_ms.append(_time(client, url))
                    bare_ms.append(_time(client, "/bench-whoami/"))
            if kept:
                row.queries[scale] = queries
                row.medians[scale] = statistics.median(page_ms)
                row.baselines[scale] = statistics.median(bare_ms)
            else:
                row.built_queries[scale] = queries
                row.built[scale] = statistics.median(page_ms)
                row.built_baselines[scale] = statistics.median(bare_ms)


def report(rows: list[Row], scales: list[int], counts: dict[int, dict[str, int]]) -> str:
    """The Markdown section of `make bench`'s report."""
    lines = [
        "## Logged-in main pages",
        "",
        f"Median of each page in one process against a bare logged-in view "
        f"(`bench-whoami/`: login, session, user) measured alternately; budget {BUDGET:g}×. "
        "Each page twice: as a person opening it again (the viewer cache answers while "
        "nothing the page read was written; an outsider's logbook read still writes its "
        "access-log row on every serve) and **built**, the "
        "viewer cache off (a first visit, or the first after a change).",
        "",
        "Data: "
        + "; ".join(
            f"scale {s}: " + ", ".join(f"{n} {k}" for k, n in counts[s].items()) for s in scales
        ),
        "",
    ]
    head = ["role", "page"]
    for s in scales:
        head += [
            f"ms ×{s}",
            f"bare ms ×{s}",
            f"ratio ×{s}",
            f"queries ×{s}",
            f"built ratio ×{s}",
            f"built queries ×{s}",
        ]
    head.append("verdict")
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [row.role, row.page]
        for s in scales:
            cells += [
                f"{row.medians[s]:.1f}",
                f"{row.baselines[s]:.1f}",
                f"{row.ratio(s):.1f}×",
                str(row.queries[s]),
                f"{row.built_ratio(s):.1f}×",
                str(row.built_queries[s]),
            ]
        over = [s for s in scales if row.ratio(s) > BUDGET]
        grows = len({row.built_queries[s] for s in scales}) > 1
        built_over = [s for s in scales if row.built_ratio(s) > BUDGET]
        verdict = (
            "ok" if not built_over else "ok again; built over at ×" + "/".join(map(str, built_over))
        )
        if over or grows:
            verdict = ", ".join(
                (["over budget at ×" + "/".join(map(str, over))] if over else [])
                + (["queries grow"] if grows else [])
            )
        cells.append(verdict)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument(
        "--reuse-db", action="store_true", help="measure a database kept by --keep-db (one scale)"
    )
    parser.add_argument("--output", type=Path, help="also write the Markdown section here")
    args = parser.parse_args(argv)
    _configure()
    import django

    if not args.reuse_db:
        _fresh_database()
    django.setup()
    from django.db import connections

    rows: dict = {}
    counts: dict[int, dict[str, int]] = {}
    try:
        for scale in args.scales:
            connections.close_all()
            if args.reuse_db:
                counts[scale] = _counts()
            else:
                _fresh_database()
                counts[scale] = _load(scale)
            print(f"scale {scale}: {counts[scale]}", file=sys.stderr)
            _measure(rows, scale, args.runs)
    finally:
        connections.close_all()
        if not args.keep_db:
            _drop_database()
        _forget_cache()
    text = report(list(rows.values()), args.scales, counts)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)
    return text


def _drop_database() -> None:
    recreate_database(os.environ["DATABASE_URL"], create=False)


def _forget_cache() -> None:
    forget_keys(os.environ["REDIS_URL"], os.environ["BENCH_CACHE_PREFIX"] + ":")


if __name__ == "__main__":
    main()
