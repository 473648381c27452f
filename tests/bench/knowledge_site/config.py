"""Settings of one benchmark run: paths, the loopback-only database and Redis URLs,
the run's `Config` (sizes and durations; --quick makes them smaller), and the small
helpers every part uses (`say` for progress lines, `median`, `p95`)."""

import math
import os
import re
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[3]
BENCH_DIR = Path(__file__).resolve().parents[1]  # tests/bench
BIN = Path(sys.executable).parent
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bifrost_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
BENCH_DB_NAME = re.compile(r"^bifrost_bench[a-z0-9_]*$")
GIN_INDEX = "knowledge_page_search_gin"
PAIRS_GIN_INDEX = "knowledge_page_search_pairs_gin"  # adjacent lexeme pairs (phrases)
HELLO_PATH = "/bench-hello/"
_STARTED = time.monotonic()


def say(message: str) -> None:
    """A progress line, on stderr: stdout carries only the Markdown summary."""
    print(f"[bench +{time.monotonic() - _STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


# Goal 3 of the issue "Fast for everyone": search p95 at 10,000 and 100,000 pages.
SEARCH_GOALS_MS = ((10_000, 50.0), (100_000, 150.0))


def search_goal_ms(pages: int) -> float | None:
    """The p95 goal for a corpus of `pages`: the goal of the smallest size at least
    as large (a smaller corpus must meet the 10,000-page goal); None above 100,000."""
    for size, goal in SEARCH_GOALS_MS:
        if pages <= size:
            return goal
    return None


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


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
    pages: list[int]
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
        pages=sorted(set(args.pages)) if args.pages else [10_000],
        search_runs=20 if quick else 30,
        seqscan_runs=5 if quick else 10,
        seed=args.seed,
        keep_db=args.keep_db,
        show_plans=args.show_plans,
        no_vacuum=args.no_vacuum,
        scenarios=args.scenarios,
    )
