"""Load test: Locust users against gunicorn behind the compose file's nginx.

Not a test (see README.md). On loopback it starts what docker-compose.yml runs:
nginx with deploy/nginx/bifrost.conf.template (TLS, buffering), gunicorn with
deploy/gunicorn.conf.py, a Celery worker for the default queue and one for the
PDF exports, on PostgreSQL and Redis with the demo data; then runs
tests/bench/locustfile.py headless for each user count and prints req/s,
p50/p95/p99 and errors, overall and for public and logged-in requests.

    .venv/bin/python tests/bench/load_bench.py                   # 50 and 200 users, 60 s each
    .venv/bin/python tests/bench/load_bench.py --users 50 --seconds 30

The login rate limit is off for this run only (every simulated person logs in
from 127.0.0.1); it is tested in tests/accounts. Processes are stopped by their
own process groups, the database is dropped, this run's cache keys deleted.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
DB_NAME = "bifrost_bench_load"
P95_BUDGET_MS = 300

from tests.bench.knowledge_site.server import free_port  # noqa: E402
from tests.bench.scratch import forget_keys, recreate_database  # noqa: E402


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GUNICORN_")}
    env.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DB_NAME}")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    name = env["DATABASE_URL"].rsplit("/", 1)[-1]
    if not name.startswith("bifrost_bench"):
        sys.exit(f"DATABASE_URL must name a database starting with bifrost_bench (not {name})")
    env.update(
        DJANGO_SETTINGS_MODULE="tests.bench.bench_settings",
        DJANGO_ENV="test",
        DEBUG="false",
        CONN_MAX_AGE="60",  # as in production
        BENCH_NO_RATE_LIMITS="1",
        BENCH_CACHE_PREFIX=f"bifrost-bench-load-{os.getpid()}",
        PYTHONPATH=str(ROOT),
    )
    return env


def _manage(env: dict, *args: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def _database(env: dict, *, create: bool) -> None:
    recreate_database(env["DATABASE_URL"], create=create)


class Processes:
    """Started processes, each in its own group, stopped only by their ids."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.running: list[tuple[str, subprocess.Popen, int]] = []

    def start(self, name: str, args: list[str], env: dict | None = None, stop=signal.SIGTERM):
        log = (self.logs / f"{name}.log").open("wb")
        proc = subprocess.Popen(  # noqa: S603 - our own argv
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.running.append((name, proc, stop))
        return proc

    def stop_all(self) -> None:
        for _name, proc, sig in reversed(self.running):
            if proc.poll() is None:
                os.killpg(proc.pid, sig)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


def _wait_for(url_check, what: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}")
        if url_check():
            return
        time.sleep(0.3)
    raise SystemExit(f"{what} did not come up in {timeout:.0f} s")


def _https_status(port: int, path: str) -> int:
    import http.client
    import ssl

    context = ssl._create_unverified_context()  # noqa: S323 - our self-signed loopback cert
    conn = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    except OSError:
        return 0
    finally:
        conn.close()


def _warm_up(port: int, paths: list[str], rounds: int = 8, threads: int = 12) -> None:
    """Some anonymous reads through nginx before anything is measured, several at a
    time so that every gunicorn worker has loaded its URL patterns, translations and
    templates and the public pages are cached: a running site has done that long ago."""
    from concurrent.futures import ThreadPoolExecutor

    urls = [*paths, "/accounts/login/", "/knowledge/search/?q=stress"] * rounds
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda path: _https_status(port, path), urls))


def _stack(env: dict, workdir: Path, procs: Processes, workers: int) -> int:
    """nginx → gunicorn, plus both Celery workers; returns nginx's HTTPS port."""
    from tests.ops.proxy_stack import (
        DEPLOY,
        make_certificate,
        nginx_binary,
        stack_values,
        write_nginx_config,
    )

    ports = SimpleNamespace(
        http_port=free_port(), https_port=free_port(), gunicorn_port=free_port()
    )
    make_certificate(workdir)
    static = workdir / "static"
    _manage({**env, "STATIC_ROOT": str(static)}, "collectstatic", "--noinput", "-v0")
    shutil.copytree(DEPLOY / "nginx" / "errors", workdir / "errors")
    for path in [workdir, *workdir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    config = write_nginx_config(workdir, stack_values(workdir, ports))
    web_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{ports.gunicorn_port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESS_LOG": str(workdir / "gunicorn-access.log"),
        "BENCH_TRUSTED_ORIGIN": f"https://127.0.0.1:{ports.https_port}",
    }
    gunicorn = procs.start(
        "gunicorn",
        [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py")],
        web_env,
    )
    # The export worker gets a quarter of a web process's CPU weight when both want
    # it, as its cpu_shares do in docker-compose.yml (nice 6 ≈ weight 272 of 1024).
    for queue, concurrency, nice in (("default", "1", []), ("exports", "1", ["nice", "-n", "6"])):
        procs.start(
            f"celery-{queue}",
            [*nice, sys.executable, "-m", "celery", "-A", "bifrost", "worker", "-l", "warning",
             "-Q", queue, "--concurrency", concurrency, "--hostname", f"{queue}-bench@%h"],
            env,
        )  # fmt: skip
    nginx = nginx_binary()
    proxy = procs.start(
        "nginx",
        [nginx, "-p", f"{workdir}/", "-c", str(config), "-e", str(workdir / "error.log")],
        stop=signal.SIGQUIT,
    )
    _wait_for(lambda: _https_status(ports.https_port, "/healthz") == 200, "nginx", proxy)
    if gunicorn.poll() is not None:
        raise SystemExit("gunicorn exited")
    return ports.https_port


ARRIVING = "logged in, while people arrive"
STEADY = "everyone in"
ARRIVAL_SLACK = 20  # seconds for the arrivals' logins to be answered
ARRIVAL = "login: submit"  # the name locustfile.py gives each person's first login


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _locust(env: dict, port: int, users: int, seconds: int, workdir: Path) -> dict:
    out = workdir / f"timings-{users}.json"
    rate = max(5, users // 10)
    # The measured minute starts once everyone has arrived and logged in; until then
    # is the arrival (a login storm: `rate` password hashes a second), given time here.
    arrival = users / rate + ARRIVAL_SLACK
    args = [
        str(BIN / "locust"), "-f", str(ROOT / "tests/bench/locustfile.py"), "--headless",
        "-u", str(users), "-r", str(rate), "-t", f"{round(seconds + arrival)}s",
        "--host", f"https://127.0.0.1:{port}", "--only-summary", "--stop-timeout", "10",
    ]  # fmt: skip
    locust_env = {
        **env,
        "BENCH_TIMINGS_OUT": str(out),
        "BENCH_PUBLIC_PAGES": " ".join(_public_pages(env)),
        "BENCH_OWNERS": " ".join(f"smv{i}@bifrost.example" for i in range(1, 7)),
        "BENCH_ADVISORS": " ".join(f"advisor{i}@bifrost.example" for i in range(1, 7)),
    }
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603
        args, cwd=ROOT, env=locust_env, capture_output=True, text=True
    )
    elapsed = time.monotonic() - started
    (workdir / f"locust-{users}.log").write_text(result.stdout + result.stderr)
    timings = json.loads(out.read_text()) if out.exists() else []
    groups: dict[str, list] = {"all": timings}
    for entry in timings:
        groups.setdefault(entry[0], []).append(entry)
    # Every simulated person logs in as they arrive (`rate` a second; a password hash
    # is about 0.5 s of CPU) and again after each working session. What follows the
    # last arrival's login is the measured part ("everyone in"); the arrival apart.
    arrivals = [entry[3] + entry[1] / 1000 for entry in timings if entry[4] == ARRIVAL]
    ramp_end = max(arrivals, default=0.0)
    first = min((entry[3] for entry in timings), default=0.0)
    groups[ARRIVING] = [e for e in timings if e[0] == "logged in" and e[3] < ramp_end]
    steady = [e for e in timings if e[3] >= ramp_end]
    groups[STEADY] = steady
    for name in ("public", "login", "logged in"):
        groups[f"{STEADY}: {name}"] = [e for e in steady if e[0] == name]
    total = seconds + arrival
    steady_seconds = total - (ramp_end - first)
    summary = {"users": users, "seconds": elapsed, "steady_seconds": steady_seconds, "groups": {}}
    for group, entries in groups.items():
        times = [entry[1] for entry in entries]
        span = ramp_end - first if group == ARRIVING else total
        if group.startswith(STEADY):
            span = steady_seconds
        summary["groups"][group] = {
            "requests": len(entries),
            "errors": sum(1 for entry in entries if entry[2]),
            "rps": len(entries) / max(span, 1),
            "p50": statistics.median(times) if times else 0.0,
            "p95": _percentile(times, 0.95),
            "p99": _percentile(times, 0.99),
        }
    return summary


def _public_pages(env: dict) -> list[str]:
    """The front page, every section and some pages (the demo's own addresses)."""
    code = (
        "import django; django.setup();"
        "from knowledge.models import Page;"
        "print(' '.join(['/'] + [p.get_absolute_url() for p in "
        "Page.objects.published().order_by('pk')[:30]]))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def report(summaries: list[dict]) -> str:
    lines = [
        "## Load (Locust behind nginx)",
        "",
        "nginx (compose template, TLS) → gunicorn (deploy/gunicorn.conf.py) with PostgreSQL, "
        "Redis and two Celery workers on loopback; readers : owners : advisors = 3 : 2 : 2. "
        f"Budget: 0 errors, p95 of logged-in requests ≤ {P95_BUDGET_MS} ms.",
        "",
        "| users | group | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for summary in summaries:
        for group, g in summary["groups"].items():
            lines.append(
                f"| {summary['users']} | {group} | {g['requests']} | {g['rps']:.1f} | "
                f"{g['p50']:.0f} | {g['p95']:.0f} | {g['p99']:.0f} | {g['errors']} |"
            )
    for summary in summaries:
        groups = summary["groups"]
        steady = groups.get(f"{STEADY}: logged in", {})
        errors = groups["all"]["errors"]
        verdict = (
            "within budget"
            if errors == 0 and steady.get("requests") and steady["p95"] <= P95_BUDGET_MS
            else "OVER BUDGET"
        )
        lines.append("")
        lines.append(
            f"{summary['users']} users: {verdict} (errors {errors} in the whole run; "
            f"logged-in p95 {steady.get('p95', 0):.0f} ms once everyone is in, over "
            f"{summary['steady_seconds']:.0f} s; "
            f"{groups.get(ARRIVING, {}).get('p95', 0):.0f} ms while people arrive, "
            f"{groups.get('logged in', {}).get('p95', 0):.0f} ms over the whole run)."
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (conf)")
    args = parser.parse_args(argv)
    env = _env()
    workdir = Path(tempfile.mkdtemp(prefix="bifrost-bench-load-"))
    procs = Processes(workdir)
    summaries = []
    try:
        _database(env, create=True)
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "demo_data")
        port = _stack(env, workdir, procs, args.workers or 2 * (os.cpu_count() or 1) + 1)
        _warm_up(port, _public_pages(env))
        for users in args.users:
            summaries.append(_locust(env, port, users, args.seconds, workdir))
            print(f"[load] {users} users done", file=sys.stderr, flush=True)
    finally:
        procs.stop_all()
        _database(env, create=False)
        _forget_cache(env)
    text = report(summaries)
    print(text)
    if any(s["groups"]["all"]["errors"] for s in summaries):
        print(f"logs kept in {workdir}", file=sys.stderr)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _forget_cache(env: dict) -> None:
    forget_keys(env["REDIS_URL"], env["BENCH_CACHE_PREFIX"])


if __name__ == "__main__":
    sys.exit(main())
