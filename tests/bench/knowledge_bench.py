"""Benchmark of the public knowledge site: page throughput and full-text search latency.

Not a test: it measures and reports ratios, it asserts nothing about speed.
Run from the repository root (see tests/bench/README.md):

    .venv/bin/python tests/bench/knowledge_bench.py          # ~5 minutes
    .venv/bin/python tests/bench/knowledge_bench.py --quick  # ~1 minute, rougher

1. Requests/second of the front page, a section page and a case page (the
   content of `load_initial_content()`), served by gunicorn (sync workers) with
   the real WSGI app, against a bare "hello" view served the same way in the
   same run; load comes from `wrk` (or tests/bench/loadgen.py) in a second
   process on loopback. Scenarios: fragments cached in Redis (the normal case),
   a dummy cache (worst case), and Redis without persistent DB connections.
2. Latency of `knowledge.search.selectors.search()` over 10,000 extra published pages
   of recombined Danish text (or each size of --pages, e.g. 10000 100000), against
   a `SELECT 1` round trip and the goal of the size (p95 50 ms at 10,000, 150 ms at
   100,000), plus whether PostgreSQL uses the GIN index `knowledge_page_search_gin`
   and, for a phrase, the GIN index of adjacent pairs `knowledge_page_search_pairs_gin`.

The summary on stdout is Markdown (`make bench` takes it as is); progress goes to
stderr.

It creates its own database (DATABASE_URL, default .../bifrost_bench; the name
must start with "bifrost_bench"), drops it at the end unless --keep-db, uses a
cache key prefix of its own and deletes those keys afterwards (never FLUSHDB),
and stops the gunicorn it started. Only loopback addresses are accepted.

This file is the command line; the parts are in tests/bench/knowledge_site/
(config, resources, server, load, throughput, corpus, search, report).
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

# Run as a script (`.venv/bin/python tests/bench/knowledge_bench.py`), only this
# folder is on sys.path: the parts are imported from the repository root.
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.bench.knowledge_site.config import (  # noqa: E402
    GIN_INDEX,
    PAIRS_GIN_INDEX,
    configure,
    say,
)
from tests.bench.knowledge_site.report import machine_note, print_summary  # noqa: E402
from tests.bench.knowledge_site.resources import delete_cache_keys, drop_database, recreate_database  # noqa: E402
from tests.bench.knowledge_site.search import bench_search  # noqa: E402
from tests.bench.knowledge_site.server import Gunicorn  # noqa: E402
from tests.bench.knowledge_site.throughput import SCENARIOS, bench_http  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter rounds, fewer search runs")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections (4)")
    parser.add_argument("--loadgen", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--pages",
        type=int,
        nargs="+",
        default=None,
        help="generated pages, one or more corpus sizes measured in turn (10000); "
        "e.g. --pages 10000 100000",
    )
    parser.add_argument("--seed", type=int, default=20190501)
    parser.add_argument(
        "--scenarios",
        nargs="+",
        choices=list(SCENARIOS),
        default=list(SCENARIOS),
        help="HTTP scenarios to run (all)",
    )
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--show-plans", action="store_true", help="print full query plans")
    parser.add_argument(
        "--no-vacuum",
        action="store_true",
        help="after the bulk load only ANALYZE (GIN pending list not merged into the index)",
    )
    parser.add_argument(
        "--keep-db", action="store_true", help="leave the bifrost_bench database in place"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    cfg = configure(args)

    def on_term(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    log_dir = Path(tempfile.mkdtemp(prefix="bifrost-bench-"))
    servers: list[Gunicorn] = []
    django_ready = False
    failed = True
    load_before = os.getloadavg()
    try:
        say(f"database {cfg.db['NAME']} (re)created; cache key prefix {cfg.cache_prefix}")
        recreate_database(cfg)
        import django

        django.setup()
        django_ready = True
        from django.core.management import call_command
        from django.db import connection

        start = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        say(f"migrated in {time.perf_counter() - start:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'knowledge_page' "
                "AND indexname IN (%s, %s)",
                [GIN_INDEX, PAIRS_GIN_INDEX],
            )
            found = {name for (name,) in cursor.fetchall()}
        for name in (GIN_INDEX, PAIRS_GIN_INDEX):
            say(f"GIN index {name}: {'present' if name in found else 'MISSING'}")

        from knowledge.editor.services import load_initial_content

        start = time.perf_counter()
        created = load_initial_content()
        say(f"load_initial_content(): {created} pages in {time.perf_counter() - start:.1f} s")

        notes = machine_note(cfg)
        notes.append(
            f"Load average before: {' '.join(f'{x:.2f}' for x in load_before)} "
            "(other work on the machine skews the figures)"
        )
        notes += [
            f"GIN index {name}: {'present' if name in found else 'MISSING'}"
            for name in (GIN_INDEX, PAIRS_GIN_INDEX)
        ]
        rows = [] if args.skip_http else bench_http(cfg, log_dir, servers)
        search = None if args.skip_search else bench_search(cfg)
        load_after = os.getloadavg()
        notes.append(f"Load average after: {' '.join(f'{x:.2f}' for x in load_after)}")
        notes.append(
            "Database: "
            + (
                f"{cfg.db['NAME']} kept (--keep-db)"
                if cfg.keep_db
                else f"{cfg.db['NAME']} dropped at the end"
            )
            + f"; Redis keys {cfg.cache_prefix}:* deleted at the end"
        )
        print_summary(cfg, rows, search, notes)
        failed = False
    finally:
        for server in servers:
            server.stop()
        if django_ready:
            from django.db import connections

            try:
                deleted = delete_cache_keys(cfg.cache_prefix)
                say(f"cleanup: deleted {deleted} Redis keys {cfg.cache_prefix}:*")
            except Exception as error:  # cleanup must go on
                say(f"cleanup: could not delete Redis keys: {error}")
            connections.close_all()
        if cfg.keep_db:
            say(f"cleanup: database {cfg.db['NAME']} kept")
        else:
            drop_database(cfg)
            say(f"cleanup: database {cfg.db['NAME']} dropped")
        if failed:
            say(f"gunicorn logs kept in {log_dir}")
        else:
            shutil.rmtree(log_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
