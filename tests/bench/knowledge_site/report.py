"""The summary printed at the end, as Markdown (`make bench` takes it as is): the
throughput table (ratio page / hello) and, per corpus size, the search table
(p95 against SELECT 1 and the goal) with the top of each plan, then the machine
and the load."""

import os
import subprocess
import sys

from tests.bench.knowledge_site.config import (
    BIN,
    GIN_INDEX,
    HELLO_PATH,
    PAIRS_GIN_INDEX,
    Config,
    median,
    p95,
    search_goal_ms,
)
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


PAGE_GOAL = 0.8  # goal 1: public pages at least 0.8x the bare view


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(head) + " |",
        "|"
        + "|".join("---" if i < 1 or i == len(head) - 1 else "---:" for i in range(len(head)))
        + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _http_section(cfg: Config, rows: list[HttpRow]) -> list[str]:
    lines = [
        "## Public knowledge pages",
        "",
        f"Requests per second, median of {cfg.rounds} rounds; baseline: the bare "
        f"`{HELLO_PATH}` view served by the same gunicorn in the same scenario; "
        f"goal ≥ {PAGE_GOAL:g}× for the pages (the issue's goal 1).",
    ]
    scenario, hello = None, float("nan")
    table: list[list[str]] = []
    for row in rows:
        if row.scenario != scenario:
            if table:
                lines += ["", *_table(HTTP_HEAD, table)]
            scenario, table = row.scenario, []
            lines += ["", f"**{scenario}**"]
        is_hello = row.target.path == HELLO_PATH
        if is_hello:
            hello = row.rps
        ratio = row.rps / hello
        verdict = "baseline" if is_hello else ("within goal" if ratio >= PAGE_GOAL else "over goal")
        if row.bad:
            verdict += f", {row.bad} bad responses"
        table.append([
            row.target.name, f"{row.rps:.0f}", f"{hello:.0f}", f"{ratio:.2f}×",
            f"{row.p50_ms:.2f}", f"{row.p99_ms:.2f}", str(row.size), verdict,
        ])  # fmt: skip
    if table:
        lines += ["", *_table(HTTP_HEAD, table)]
    return lines


HTTP_HEAD = ["page", "req/s", "hello req/s", "ratio", "p50 ms", "p99 ms", "bytes", "verdict"]
SEARCH_HEAD = [
    "query", "matches", "shown", "median ms", "p95 ms", "SELECT 1 ms", "p95 / SELECT 1",
    "goal p95 ms", "no-index ms", "GIN", "pairs GIN", "verdict",
]  # fmt: skip


def _search_section(cfg: Config, results: list[dict]) -> list[str]:
    lines = [
        "## Search",
        "",
        f"`knowledge.search.selectors.search()` (the first results page, 20 hits with "
        f"snippets), median and p95 of {cfg.search_runs} runs after 3 warm-ups; baseline: "
        "the median `SELECT 1` round trip on the same connection; goal p95 ≤ 50 ms at "
        "10,000 pages and ≤ 150 ms at 100,000 (the issue's goal 3). No-index: median of "
        f"up to {cfg.seqscan_runs} runs with bitmap and index scans switched off.",
    ]
    plans: list[str] = []
    for info in results:
        base = median(info["select1"])
        goal = search_goal_ms(info["pages"])
        lines += [
            "",
            f"**{info['pages']:,} generated pages** ({info['published']:,} published rows, "
            f"table {info['table_size']}, GIN index {info['gin_size']}, pairs GIN index "
            f"{info['pairs_gin_size']}; made in "
            f"{info['generate_s']:.0f} s, inserted in {info['insert_s']:.0f} s, vectors in one "
            f"UPDATE of {info['vectors']:,} rows {info['vector_update_s']:.0f} s, "
            f"{info['maintenance']} {info['maintenance_s']:.0f} s; SELECT 1 median "
            f"{base * 1000:.3f} ms, p95 {p95(info['select1']) * 1000:.3f} ms)",
            "",
        ]
        table = []
        for row in info["rows"]:
            row_p95 = p95(row.times) * 1000
            if goal is None:
                verdict = "no goal at this size"
            else:
                verdict = "within goal" if row_p95 <= goal else "over goal"
            table.append([
                f"{row.label}: `{row.query}`", f"{row.matches:,}", str(row.returned),
                f"{median(row.times) * 1000:.2f}", f"{row_p95:.2f}", f"{base * 1000:.3f}",
                f"{row_p95 / (base * 1000):,.0f}×", "-" if goal is None else f"{goal:.0f}",
                f"{median(row.seqscan_times) * 1000:.1f}", "yes" if row.uses_gin else "**no**",
                "yes" if row.uses_pairs else "-", verdict,
            ])  # fmt: skip
            plans.append(
                f"- {info['pages']:,} pages, {row.label}: `{row.plan_top}`; scans: "
                f"{'; '.join(row.scan_nodes) or '-'}; execution {row.execution_ms:.2f} ms"
            )
            if cfg.show_plans:
                plans += ["", "  ```", *(f"  {line}" for line in row.plan), "  ```"]
        lines += _table(SEARCH_HEAD, table)
    lines += [
        "",
        f"EXPLAIN (ANALYZE) of each search's full-text query (GIN = `Bitmap Index Scan on "
        f"{GIN_INDEX}` in the plan; pairs GIN = on {PAIRS_GIN_INDEX}, the adjacent "
        "lexeme pairs a phrase needs):",
        "",
        *plans,
    ]
    return lines


def print_summary(
    cfg: Config, rows: list[HttpRow], search: list[dict] | None, notes: list[str]
) -> None:
    """The Markdown the report takes as is: one section per part, then the notes."""
    sections: list[list[str]] = []
    if rows:
        sections.append(_http_section(cfg, rows))
    if search:
        sections.append(_search_section(cfg, search))
    if not sections:
        sections.append(["## Public knowledge pages and search", "", "(nothing measured)"])
    sections[-1] += ["", "Knowledge benchmark run:", "", *(f"- {note}" for note in notes)]
    print("\n\n".join("\n".join(section) for section in sections))
