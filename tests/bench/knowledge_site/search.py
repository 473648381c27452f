"""Part 2, search latency: `knowledge.search.selectors.search()` over the generated
pages, against a `SELECT 1` round trip on the same connection and again with
bitmap/index scans switched off, with the top of each query's plan and whether it
uses the GIN index."""

import re
import time
from dataclasses import dataclass

from tests.bench.knowledge_site.config import GIN_INDEX, PAIRS_GIN_INDEX, Config, median, say
from tests.bench.knowledge_site.corpus import (
    BENCH_SLUG_PREFIX,
    RARE_WORD,
    fill_search_vectors,
    generate_pages,
)

GENERATE_CHUNK = 5000  # pages made and inserted at a time

# (label, query as a reader types it)
SEARCH_QUERIES = [
    ("common word", "stress"),
    ("inflected form", "sygefraværet"),
    ("rare word", RARE_WORD),
    ("two words", "mental sundhed"),
    ("phrase", '"tilbage til arbejde"'),
    # Two words of most pages, rarely next to each other: the phrase is checked
    # against the vector of every page with both words (the worst case).
    ("rare phrase of common words", '"stress arbejde"'),
    ("no hits", "kvantecomputer"),
]


def timed_runs(func, runs: int, *, warmup: int = 3, time_limit: float = 60.0) -> list[float]:
    """Seconds per call; bounded by `runs` and by `time_limit`."""
    for _ in range(warmup):
        func()
    times: list[float] = []
    deadline = time.monotonic() + time_limit
    while len(times) < runs and time.monotonic() < deadline:
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


@dataclass
class SearchRow:
    label: str
    query: str
    matches: int
    returned: int
    times: list[float]
    seqscan_times: list[float]
    uses_gin: bool
    uses_pairs: bool
    plan_top: str
    scan_nodes: list[str]
    execution_ms: float
    plan: list[str]


def explain_search(query: str) -> list[str]:
    from django.db import connection

    from knowledge.search import selectors

    captured: list[tuple[str, object]] = []

    def capture(execute, sql, params, many, context):
        captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        selectors.search(query)
    statements = [(sql, params) for sql, params in captured if "@@" in sql]
    if not statements:
        return ["(no full-text query was run)"]
    sql, params = statements[-1]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def search_without_index(query: str) -> None:
    from django.db import connection, transaction

    from knowledge.search import selectors

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        selectors.search(query)


def _grow_corpus(cfg: Config, target: int, info: dict) -> None:
    """Add generated pages until there are `target` of them, in chunks (memory),
    then fill the new pages' vectors in one UPDATE and VACUUM (ANALYZE)."""
    from knowledge.models import Page

    have = Page.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).count()
    say(f"Search: generating pages {have}..{target - 1} of recombined Danish text")
    info["generate_s"] = info["insert_s"] = 0.0
    while have < target:
        chunk = min(GENERATE_CHUNK, target - have)
        start = time.perf_counter()
        pages = generate_pages(chunk, cfg.seed, start=have)
        info["generate_s"] += time.perf_counter() - start
        start = time.perf_counter()
        Page.objects.bulk_create(pages, batch_size=1000)
        info["insert_s"] += time.perf_counter() - start
        have += chunk
    start = time.perf_counter()
    info["vectors"] = fill_search_vectors()
    info["vector_update_s"] = time.perf_counter() - start


def bench_search(cfg: Config) -> list[dict]:
    """One result per corpus size in `cfg.pages`, smallest first; each larger
    corpus is the smaller one plus more generated pages."""
    results = []
    for size in cfg.pages:
        results.append(_bench_size(cfg, size))
    return results


def _bench_size(cfg: Config, size: int) -> dict:
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection

    from knowledge.models import Page
    from knowledge.search import selectors

    info: dict = {"pages": size}
    _grow_corpus(cfg, size, info)
    with connection.cursor() as cursor:
        # VACUUM also merges the GIN pending list (fastupdate) into the index, as
        # autovacuum does on a live site; --no-vacuum leaves it as after the bulk load.
        start = time.perf_counter()
        cursor.execute(
            "ANALYZE knowledge_page" if cfg.no_vacuum else "VACUUM (ANALYZE) knowledge_page"
        )
        info["maintenance"] = "ANALYZE only" if cfg.no_vacuum else "VACUUM (ANALYZE)"
        info["maintenance_s"] = time.perf_counter() - start
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE status = 'published'), "
            "pg_size_pretty(pg_total_relation_size('knowledge_page')), "
            "pg_size_pretty(pg_relation_size(%s)), pg_size_pretty(pg_relation_size(%s)) "
            "FROM knowledge_page",
            [GIN_INDEX, PAIRS_GIN_INDEX],
        )
        (
            info["total"], info["published"], info["table_size"], info["gin_size"],
            info["pairs_gin_size"],
        ) = cursor.fetchone()  # fmt: skip
    say(
        f"  {info['total']} pages ({info['published']} published), table {info['table_size']}, "
        f"GIN index {info['gin_size']}, pairs GIN index {info['pairs_gin_size']}; vectors "
        f"filled in {info['vector_update_s']:.1f} s"
    )

    def select_one():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    info["select1"] = timed_runs(select_one, 200, warmup=10)
    rows = []
    for label, query in SEARCH_QUERIES:
        ts_query = SearchQuery(selectors.normalise_query(query), config="danish",
                               search_type="websearch")  # fmt: skip
        matches = Page.objects.published().filter(search_vector=ts_query).count()
        returned = len(selectors.search(query))
        times = timed_runs(lambda q=query: selectors.search(q), cfg.search_runs)
        seqscan = timed_runs(
            lambda q=query: search_without_index(q), cfg.seqscan_runs, warmup=1, time_limit=20.0
        )
        plan = explain_search(query)
        text = "\n".join(plan)
        execution = re.search(r"Execution Time: ([\d.]+) ms", text)
        row = SearchRow(
            label=label,
            query=query,
            matches=matches,
            returned=returned,
            times=times,
            seqscan_times=seqscan,
            uses_gin=f"Bitmap Index Scan on {GIN_INDEX}" in text,
            uses_pairs=f"Bitmap Index Scan on {PAIRS_GIN_INDEX}" in text,
            plan_top=plan[0].strip(),
            scan_nodes=[
                re.sub(r"\s+\(.*$", "", line.strip().removeprefix("->").strip())
                for line in plan
                if re.search(r"Scan (using \S+ )?on ", line)
            ],
            execution_ms=float(execution.group(1)) if execution else float("nan"),
            plan=plan,
        )
        rows.append(row)
        say(
            f"  {label:<15} {query!r:<24} {matches:>5} matches  median "
            f"{median(times) * 1000:7.2f} ms  GIN {'yes' if row.uses_gin else 'NO'}"
            f"{'  pairs GIN' if row.uses_pairs else ''}"
        )
    info["rows"] = rows
    return info
