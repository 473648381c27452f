"""Part 1, page throughput: requests/second of the front page, a section page and a
case page against a bare hello view served the same way, per scenario (fragments
cached in Redis, a dummy cache, Redis without persistent database connections),
each with its own gunicorn; a warm-up, then rounds that interleave the URLs."""

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from tests.bench.knowledge_site.config import HELLO_PATH, Config, median, say
from tests.bench.knowledge_site.load import LoadResult, load
from tests.bench.knowledge_site.resources import count_cache_keys
from tests.bench.knowledge_site.server import Gunicorn, http_get


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
