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
   of recombined Danish text, against a `SELECT 1` round trip, plus whether
   PostgreSQL uses the GIN index `knowledge_page_search_gin`.

It creates its own database (DATABASE_URL, default .../bifrost_bench; the name
must start with "bifrost_bench"), drops it at the end unless --keep-db, uses a
cache key prefix of its own and deletes those keys afterwards (never FLUSHDB),
and stops the gunicorn it started. Only loopback addresses are accepted.
"""

import argparse
import http.client
import math
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bifrost_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
BENCH_DB_NAME = re.compile(r"^bifrost_bench[a-z0-9_]*$")
GIN_INDEX = "knowledge_page_search_gin"
HELLO_PATH = "/bench-hello/"
RARE_WORD = "trivselsbarometer"  # planted in a handful of the generated pages only
RARE_SENTENCE = "Virksomheden fulgte trivslen med et trivselsbarometer hvert kvartal."
BENCH_SLUG_PREFIX = "bench-side-"

# (label, query as a reader types it)
SEARCH_QUERIES = [
    ("common word", "stress"),
    ("inflected form", "sygefraværet"),
    ("rare word", RARE_WORD),
    ("two words", "mental sundhed"),
    ("phrase", '"tilbage til arbejde"'),
    ("no hits", "kvantecomputer"),
]


_STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"[bench +{time.monotonic() - _STARTED:6.1f}s] {message}", flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


# --- Settings, database and cache of this run ------------------------------------------


@dataclass
class Config:
    database_url: str
    redis_url: str
    db: dict
    cache_prefix: str
    workers: int
    connections: int
    loadgen: str
    warmup_seconds: float
    round_seconds: float
    rounds: int
    py_warmup_requests: int
    py_round_requests: int
    pages: int
    search_runs: int
    seqscan_runs: int
    seed: int
    keep_db: bool
    show_plans: bool
    no_vacuum: bool
    scenarios: list[str]


def loopback_or_exit(url: str, what: str) -> None:
    host = urlsplit(url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(f"{what} must point at a loopback address, not {host!r}")


def configure(args) -> Config:
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    loopback_or_exit(database_url, "DATABASE_URL")
    loopback_or_exit(redis_url, "REDIS_URL")
    sys.path.insert(0, str(REPO))
    import environ

    db = environ.Env.db_url_config(database_url)
    if "postgresql" not in db["ENGINE"] or not BENCH_DB_NAME.match(db["NAME"] or ""):
        raise SystemExit(
            "DATABASE_URL must be PostgreSQL with a database named bifrost_bench...: "
            f"the benchmark drops and recreates it (got {db['ENGINE']} / {db['NAME']!r})"
        )
    cache_prefix = f"bifrost-bench-{os.getpid()}"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.bench.bench_settings",
            "DJANGO_ENV": "test",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CONN_MAX_AGE": "60",
            "CELERY_TASK_ALWAYS_EAGER": "true",
            "LOG_LEVEL": "WARNING",
            "BENCH_CACHE_PREFIX": cache_prefix,
        }
    )
    os.environ.pop("BENCH_CACHE", None)
    quick = args.quick
    loadgen = args.loadgen
    if loadgen == "auto":
        loadgen = "wrk" if shutil.which("wrk") else "python"
    elif loadgen == "wrk" and not shutil.which("wrk"):
        raise SystemExit("--loadgen wrk: wrk is not on PATH (apt-get install -y wrk)")
    return Config(
        database_url=database_url,
        redis_url=redis_url,
        db=db,
        cache_prefix=cache_prefix,
        workers=args.workers,
        connections=args.connections,
        loadgen=loadgen,
        warmup_seconds=1.0 if quick else 2.0,
        round_seconds=2.0 if quick else 5.0,
        rounds=2 if quick else 3,
        py_warmup_requests=100 if quick else 300,
        py_round_requests=500 if quick else 2000,
        pages=args.pages if args.pages is not None else (2000 if quick else 10_000),
        search_runs=10 if quick else 30,
        seqscan_runs=5 if quick else 10,
        seed=args.seed,
        keep_db=args.keep_db,
        show_plans=args.show_plans,
        no_vacuum=args.no_vacuum,
        scenarios=args.scenarios,
    )


def _maintenance_connection(cfg: Config):
    import psycopg

    db = cfg.db
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=int(db["PORT"] or 5432),
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    )


def recreate_database(cfg: Config) -> None:
    from psycopg import sql

    name = sql.Identifier(cfg.db["NAME"])
    with _maintenance_connection(cfg) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(name))


def drop_database(cfg: Config) -> None:
    from psycopg import sql

    with _maintenance_connection(cfg) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(cfg.db["NAME"])
            )
        )


def delete_cache_keys(prefix: str) -> int:
    """Delete this run's keys only: the Redis may be shared."""
    from django.core.cache import cache

    if not (hasattr(cache, "_cache") and hasattr(cache._cache, "get_client")):
        return 0
    client = cache._cache.get_client(None, write=True)
    deleted = 0
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        deleted += client.delete(key)
    return deleted


def count_cache_keys(prefix: str, pattern: str = "*") -> int:
    from django.core.cache import cache

    if not (hasattr(cache, "_cache") and hasattr(cache._cache, "get_client")):
        return 0
    client = cache._cache.get_client(None, write=False)
    return sum(1 for _ in client.scan_iter(match=f"{prefix}:{pattern}", count=500))


# --- gunicorn -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 10.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Gunicorn:
    """One gunicorn master (own process group) serving bifrost.wsgi on loopback."""

    def __init__(self, *, workers: int, env: dict, log_dir: Path, label: str):
        self.workers = workers
        self.env = {**os.environ, **env, "PYTHONPATH": str(REPO)}
        self.log_path = log_dir / f"gunicorn-{re.sub(r'[^a-z0-9]+', '-', label.lower())}.log"
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def start(self, ready_timeout: float = 30.0) -> None:
        self.port = free_port()
        cmd = [
            str(BIN / "gunicorn"),
            "bifrost.wsgi:application",
            "--chdir", str(REPO),
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", "sync",
            "--timeout", "30",
            "--graceful-timeout", "5",
            "--log-level", "warning",
            "--no-control-socket",
        ]  # fmt: skip
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(  # noqa: S603 - fixed argv, our own venv
            cmd,
            cwd=REPO,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped as one, by its id
        )
        log.close()
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited early:\n{self.log_tail()}")
            try:
                status, _body = http_get(self.port, HELLO_PATH, timeout=2)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready after {ready_timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        pgid = proc.pid  # start_new_session: the group id is the master's pid
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(pgid, signal.SIGKILL)
                proc.wait(timeout=5)
        # Workers leave with the master; make sure none of this group lingers.
        for _ in range(50):
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.killpg(pgid, signal.SIGKILL)


# --- Load generators ----------------------------------------------------------------

_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class LoadResult:
    rps: float
    requests: int
    bad: int  # non-2xx/3xx responses plus socket errors
    p50_ms: float
    p99_ms: float


def _wrk_latency(text: str, label: str) -> float:
    match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s|m)\s*$", text, re.MULTILINE)
    return float(match.group(1)) * _UNIT_MS[match.group(2)] if match else float("nan")


def run_wrk(port: int, path: str, seconds: float, connections: int) -> LoadResult:
    cmd = [
        "wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s",
        "--timeout", "5s", "--latency", f"http://127.0.0.1:{port}{path}",
    ]  # fmt: skip
    done = subprocess.run(  # noqa: S603
        cmd, capture_output=True, text=True, timeout=seconds + 30, check=False
    )
    out = done.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    if done.returncode != 0 or not rps or not total:
        raise RuntimeError(f"wrk failed ({done.returncode}): {out}\n{done.stderr}")
    bad = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non_2xx:
        bad += int(non_2xx.group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors:
        bad += sum(int(n) for n in errors.groups())
    return LoadResult(
        rps=float(rps.group(1)),
        requests=int(total.group(1)),
        bad=bad,
        p50_ms=_wrk_latency(out, "50%"),
        p99_ms=_wrk_latency(out, "99%"),
    )


def run_python_loadgen(
    port: int, path: str, requests: int, connections: int, time_limit: float = 60.0
) -> LoadResult:
    import json

    cmd = [
        sys.executable, str(BENCH_DIR / "loadgen.py"), "--port", str(port), "--path", path,
        "--requests", str(requests), "--concurrency", str(connections),
        "--time-limit", str(time_limit),
    ]  # fmt: skip
    done = subprocess.run(  # noqa: S603
        cmd, capture_output=True, text=True, timeout=time_limit + 30, check=True
    )
    data = json.loads(done.stdout)
    return LoadResult(
        rps=data["rps"],
        requests=data["requests"],
        bad=data["non_2xx"] + data["errors"],
        p50_ms=data["p50_ms"],
        p99_ms=data["p99_ms"],
    )


def load(cfg: Config, port: int, path: str, *, warmup: bool) -> LoadResult:
    if cfg.loadgen == "wrk":
        seconds = cfg.warmup_seconds if warmup else cfg.round_seconds
        return run_wrk(port, path, seconds, cfg.connections)
    count = cfg.py_warmup_requests if warmup else cfg.py_round_requests
    return run_python_loadgen(port, path, count, cfg.connections)


# --- 1. HTTP throughput ---------------------------------------------------------------


@dataclass
class Target:
    name: str
    path: str
    must_contain: str


@dataclass
class HttpRow:
    scenario: str
    target: Target
    size: int
    rounds: list[LoadResult] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return median([r.rps for r in self.rounds])

    @property
    def p50_ms(self) -> float:
        return median([r.p50_ms for r in self.rounds])

    @property
    def p99_ms(self) -> float:
        return median([r.p99_ms for r in self.rounds])

    @property
    def bad(self) -> int:
        return sum(r.bad for r in self.rounds)

    @property
    def requests(self) -> int:
        return sum(r.requests for r in self.rounds)


SCENARIOS = {
    "redis": ("Redis cache, warm fragments, CONN_MAX_AGE=60", {"CONN_MAX_AGE": "60"}),
    "dummy": (
        "Dummy cache (worst case: nothing cached), CONN_MAX_AGE=60",
        {"CONN_MAX_AGE": "60", "BENCH_CACHE": "dummy"},
    ),
    "noconn": (
        "Redis cache, warm fragments, CONN_MAX_AGE=0 (non-production default)",
        {"CONN_MAX_AGE": "0"},
    ),
}


def http_targets() -> list[Target]:
    from django.urls import reverse

    from knowledge.models import Kind, Page, Section

    case = (
        Page.objects.published().filter(slug="lokalavisen-kompasset").first()
        or Page.objects.published().filter(kind=Kind.CASE).order_by("order").first()
    )
    section = Page.objects.published().get(slug=Section.PREVENTION.value)
    front = Page.objects.published().get(slug=Section.FRONT.value)
    return [
        Target("hello (bare view)", HELLO_PATH, "hello"),
        Target("front page", reverse("front_page"), front.title),
        Target(
            f"section page ({section.slug})",
            reverse("knowledge:section", kwargs={"section": section.section}),
            section.title,
        ),
        Target(f"case page ({case.slug})", case.get_absolute_url(), case.title),
    ]


def bench_http(cfg: Config, log_dir: Path, servers: list) -> list[HttpRow]:
    targets = http_targets()
    rows: list[HttpRow] = []
    for key in cfg.scenarios:
        label, env = SCENARIOS[key]
        say(f"HTTP scenario: {label}")
        server = Gunicorn(workers=cfg.workers, env=env, log_dir=log_dir, label=key)
        servers.append(server)
        server.start()
        try:
            scenario_rows = []
            for target in targets:
                status, body = http_get(server.port, target.path)
                if status != 200 or escape(target.must_contain).encode() not in body:
                    raise RuntimeError(
                        f"{target.path}: status {status}, expected text "
                        f"{target.must_contain!r} {'found' if status == 200 else 'not checked'}"
                        f"\n{server.log_tail()}"
                    )
                scenario_rows.append(HttpRow(scenario=label, target=target, size=len(body)))
            for row in scenario_rows:  # warm-up; also fills the fragment cache
                load(cfg, server.port, row.target.path, warmup=True)
            if key != "dummy":
                fragments = count_cache_keys(cfg.cache_prefix, "*template.cache*")
                say(f"  cached template fragments in Redis after warm-up: {fragments}")
            for number in range(cfg.rounds):  # rounds interleave the URLs against drift
                for row in scenario_rows:
                    result = load(cfg, server.port, row.target.path, warmup=False)
                    row.rounds.append(result)
                    say(
                        f"  round {number + 1}/{cfg.rounds} {row.target.name:<40} "
                        f"{result.rps:8.0f} req/s  p50 {result.p50_ms:6.2f} ms"
                        + (f"  BAD {result.bad}" if result.bad else "")
                    )
            rows.extend(scenario_rows)
        finally:
            server.stop()
    return rows


# --- 2. Search --------------------------------------------------------------------------


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def source_text() -> tuple[list[str], list[str], list[str]]:
    """Sentences, titles and a vocabulary from the initial Danish content."""
    from knowledge import initial_content as initial

    skip = {"slug", "number", "principles", "phase", "challenges"}
    items = [
        *initial.SECTIONS, *initial.PRINCIPLES, *initial.ADVISOR_ROLES, *initial.PHASES,
        *initial.CHALLENGES, *initial.CASES,
    ]  # fmt: skip
    titles = [item["title"] for item in items]
    sentences: list[str] = []
    for item in items:
        for key, value in item.items():
            if key in skip:
                continue
            for text in _strings(value):
                for line in text.splitlines():
                    line = line.strip()
                    if not line or line.startswith("#"):
                        continue
                    line = re.sub(r"^[-*]\s+|\*\*", "", line)
                    sentences += [
                        s for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) >= 5
                    ]
    vocabulary = sorted(
        {w.lower() for s in sentences for w in re.findall(r"[A-Za-zÆØÅæøå]{5,}", s)}
    )
    return sentences, titles, vocabulary


def _vary(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(words))
        if words[i].isalpha() and words[i].islower():
            words[i] = rng.choice(vocabulary)
    return " ".join(words)


def generate_pages(count: int, seed: int) -> list:
    from django.utils import timezone

    from knowledge.models import SECTION_ORDER, Kind, Page
    from knowledge.rendering import plain_text, render_markdown

    rng = random.Random(seed)
    sentences, titles, vocabulary = source_text()
    now = timezone.now()
    rare_every = max(1, count // 5)  # the rare word lands in about five pages
    pages = []
    for i in range(count):
        if rng.random() < 0.5:
            title = f"{rng.choice(titles)}: {rng.choice(vocabulary)} og {rng.choice(vocabulary)}"
        else:
            title = " ".join(_vary(rng.choice(sentences), rng, vocabulary).split()[:7])
        title = title.rstrip(".,:;")[:200]
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            if rng.random() < 0.4:
                paragraphs.append("## " + " ".join(rng.choice(titles).split()[:5]))
            chosen = rng.sample(sentences, rng.randint(2, 5))
            paragraphs.append(
                " ".join(_vary(s, rng, vocabulary) if rng.random() < 0.6 else s for s in chosen)
            )
        if i % rare_every == 7:
            paragraphs.append(RARE_SENTENCE)
        body = "\n\n".join(paragraphs)
        body_html = render_markdown(body)
        pages.append(
            Page(
                section=rng.choice(SECTION_ORDER).value,
                kind=Kind.ARTICLE,
                slug=f"{BENCH_SLUG_PREFIX}{i:05d}",
                order=1000 + i,
                status=Page.Status.PUBLISHED,
                title=title,
                summary=_vary(rng.choice(sentences), rng, vocabulary)[:300],
                body=body,
                body_html=body_html,
                body_text=plain_text(body_html),
                fields={},
                first_published_at=now,
                published_at=now,
            )
        )
    return pages


def fill_search_vectors() -> int:
    """One UPDATE with the expression of knowledge.search.index.update_search_vector."""
    from django.contrib.postgres.search import SearchVector

    from knowledge.models import Page

    return (
        Page.objects.filter(slug__startswith=BENCH_SLUG_PREFIX)
        .update(
            search_vector=SearchVector("title", weight="A", config="danish")
            + SearchVector("summary", weight="B", config="danish")
            + SearchVector("body_text", weight="C", config="danish")
        )
    )  # fmt: skip


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


def bench_search(cfg: Config) -> dict:
    from django.contrib.postgres.search import SearchQuery
    from django.db import connection

    from knowledge.models import Page
    from knowledge.search import selectors

    info: dict = {}
    say(f"Search: generating {cfg.pages} pages of recombined Danish text (seed {cfg.seed})")
    start = time.perf_counter()
    pages = generate_pages(cfg.pages, cfg.seed)
    info["generate_s"] = time.perf_counter() - start
    start = time.perf_counter()
    Page.objects.bulk_create(pages, batch_size=500)
    info["insert_s"] = time.perf_counter() - start
    start = time.perf_counter()
    info["vectors"] = fill_search_vectors()
    info["vector_update_s"] = time.perf_counter() - start
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
            "pg_size_pretty(pg_relation_size(%s)) FROM knowledge_page",
            [GIN_INDEX],
        )
        info["total"], info["published"], info["table_size"], info["gin_size"] = cursor.fetchone()
    say(
        f"  {info['total']} pages ({info['published']} published), table {info['table_size']}, "
        f"GIN index {info['gin_size']}; vectors filled in {info['vector_update_s']:.1f} s"
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
        seqscan = timed_runs(lambda q=query: search_without_index(q), cfg.seqscan_runs, warmup=1)
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
            plan_top=plan[0].strip(),
            scan_nodes=[
                re.sub(r"\s+\(.*$", "", line.strip().removeprefix("->").strip())
                for line in plan
                if re.search(r"Scan on ", line)
            ],
            execution_ms=float(execution.group(1)) if execution else float("nan"),
            plan=plan,
        )
        rows.append(row)
        say(
            f"  {label:<15} {query!r:<24} {matches:>5} matches  median "
            f"{median(times) * 1000:7.2f} ms  GIN {'yes' if row.uses_gin else 'NO'}"
        )
    info["rows"] = rows
    return info


# --- Report ---------------------------------------------------------------------------


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


# --- Main ---------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter rounds, 2,000 pages")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections (4)")
    parser.add_argument("--loadgen", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--pages", type=int, default=None, help="generated pages (10000)")
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
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'knowledge_page' "
                "AND indexname = %s",
                [GIN_INDEX],
            )
            found = cursor.fetchone()
        say(f"GIN index: {found[0] if found else 'MISSING'}")

        from knowledge.editor.services import load_initial_content

        start = time.perf_counter()
        created = load_initial_content()
        say(f"load_initial_content(): {created} pages in {time.perf_counter() - start:.1f} s")

        notes = machine_note(cfg)
        notes.append(
            f"Load average before: {' '.join(f'{x:.2f}' for x in load_before)} "
            "(other work on the machine skews the figures)"
        )
        notes.append(f"GIN index {GIN_INDEX}: {'present' if found else 'MISSING'}")
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
