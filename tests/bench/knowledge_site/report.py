"""The summary printed at the end: the machine and load, then the throughput table
(ratio page / hello) and the search table (ratio search / SELECT 1) with the plans."""

import os
import subprocess
import sys

from tests.bench.knowledge_site.config import BIN, GIN_INDEX, HELLO_PATH, Config, median, p95
from tests.bench.knowledge_site.throughput import HttpRow


def machine_note(cfg: Config) -> list[str]:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    try:
        gunicorn_version = subprocess.run(  # noqa: S603
            [str(BIN / "gunicorn"), "--version"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        gunicorn_version = "gunicorn ?"
    loadgen = (
        f"wrk (1 thread, {cfg.connections} connections, {cfg.rounds} rounds x "
        f"{cfg.round_seconds:.0f} s after {cfg.warmup_seconds:.0f} s warm-up, median)"
        if cfg.loadgen == "wrk"
        else f"tests/bench/loadgen.py ({cfg.connections} threads, {cfg.rounds} rounds x "
        f"{cfg.py_round_requests} requests after {cfg.py_warmup_requests} warm-up, median)"
    )
    return [
        f"CPU cores: {os.cpu_count()}; load generator, gunicorn, PostgreSQL and Redis all share "
        "them (loopback)",
        f"Python {sys.version.split()[0]}, Django {django.get_version()}, {gunicorn_version}, "
        f"PostgreSQL {pg_version}",
        f"Server: gunicorn {cfg.workers} sync workers, DJANGO_ENV=test, DEBUG off",
        f"Load: {loadgen}",
    ]


def print_summary(cfg: Config, rows: list[HttpRow], search: dict | None, notes: list[str]):
    line = "=" * 104
    print(f"\n{line}\nKNOWLEDGE SITE BENCHMARK — SUMMARY\n{line}")
    for note in notes:
        print(f"  {note}")
    if rows:
        print(f"\n1. HTTP throughput (req/s, median of {cfg.rounds} rounds; ratio = page / hello)")
        header = f"  {'page':<42}{'bytes':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        header += f"{'ratio':>8}{'bad':>6}"
        scenario = None
        hello = float("nan")
        for row in rows:
            if row.scenario != scenario:
                scenario = row.scenario
                print(f"\n  [{scenario}]\n{header}")
            if row.target.path == HELLO_PATH:
                hello = row.rps
            print(
                f"  {row.target.name:<42}{row.size:>8}{row.rps:>9.0f}{row.p50_ms:>9.2f}"
                f"{row.p99_ms:>9.2f}{row.rps / hello:>8.2f}{row.bad:>6}"
            )
    if search:
        select1 = search["select1"]
        base = median(select1)
        print(
            f"\n2. Search over {search['published']} published pages "
            f"({search['total']} rows, table {search['table_size']}, GIN index "
            f"{search['gin_size']})"
        )
        print(
            f"  setup: text generated in {search['generate_s']:.1f} s, bulk insert "
            f"{search['insert_s']:.1f} s, search vectors (one UPDATE, {search['vectors']} rows) "
            f"{search['vector_update_s']:.1f} s, then {search['maintenance']} "
            f"{search['maintenance_s']:.1f} s"
        )
        print(
            f"  baseline SELECT 1 round trip: median {base * 1000:.3f} ms, "
            f"p95 {p95(select1) * 1000:.3f} ms (n={len(select1)})"
        )
        print(
            f"\n  {'query':<40}{'matches':>8}{'shown':>6}{'median ms':>10}{'p95 ms':>9}"
            f"{'x SELECT1':>10}{'no-index ms':>12}{'GIN':>5}"
        )
        for row in search["rows"]:
            name = f"{row.label}: {row.query}"
            print(
                f"  {name:<40}{row.matches:>8}{row.returned:>6}"
                f"{median(row.times) * 1000:>10.2f}{p95(row.times) * 1000:>9.2f}"
                f"{median(row.times) / base:>10.0f}{median(row.seqscan_times) * 1000:>12.2f}"
                f"{'yes' if row.uses_gin else 'NO':>5}"
            )
        print(
            f"  (median/p95 over {cfg.search_runs} runs of knowledge.search.selectors.search() "
            f"after 3 warm-ups; no-index = median of {cfg.seqscan_runs} runs with bitmap/index "
            "scans switched off)"
        )
        print("\n  EXPLAIN (ANALYZE) of the search query:")
        for row in search["rows"]:
            print(
                f"  - {row.label}: {row.plan_top}\n"
                f"      scans: {'; '.join(row.scan_nodes) or '-'}; "
                f"execution {row.execution_ms:.2f} ms; "
                f"'Bitmap Index Scan on {GIN_INDEX}': {'yes' if row.uses_gin else 'NO'}"
            )
            if cfg.show_plans:
                for plan_line in row.plan:
                    print(f"        {plan_line}")
    print(line)
