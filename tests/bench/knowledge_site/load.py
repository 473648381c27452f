"""The load generators: `wrk` when it is on PATH, else tests/bench/loadgen.py (a
stdlib one, run as a second process); both give one `LoadResult`."""

import re
import subprocess
import sys
from dataclasses import dataclass

from tests.bench.knowledge_site.config import BENCH_DIR, Config

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
