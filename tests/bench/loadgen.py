"""A small HTTP load generator (stdlib only): the fallback when `wrk` is not installed.

Sends a fixed number of GET requests to one loopback URL from a few threads,
each on a keep-alive http.client connection (reconnecting whenever the server
closes it, as gunicorn's sync workers do), and prints one JSON line:

    {"requests": ..., "ok": ..., "non_2xx": ..., "errors": ..., "seconds": ...,
     "rps": ..., "p50_ms": ..., "p99_ms": ..., "timed_out": false}

Bounded twice: by --requests and by --time-limit (whichever comes first).

    python tests/bench/loadgen.py --port 8123 --path /bench-hello/ --requests 2000
"""

import argparse
import http.client
import json
import threading
import time

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def run(
    *, host: str, port: int, path: str, requests: int, concurrency: int, time_limit: float
) -> dict:
    if host not in LOOPBACK:
        raise SystemExit(f"loadgen: only loopback hosts, not {host!r}")
    lock = threading.Lock()
    remaining = [requests]
    latencies: list[float] = []
    counts = {"ok": 0, "non_2xx": 0, "errors": 0}
    deadline = time.monotonic() + time_limit

    def take() -> bool:
        with lock:
            if remaining[0] <= 0 or time.monotonic() > deadline:
                return False
            remaining[0] -= 1
            return True

    def worker() -> None:
        conn = None
        mine: list[float] = []
        ok = non_2xx = errors = 0
        while take():
            start = time.perf_counter()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=10)
                conn.request("GET", path, headers={"Host": f"{host}:{port}"})
                response = conn.getresponse()
                response.read()
                if 200 <= response.status < 300:
                    ok += 1
                else:
                    non_2xx += 1
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                errors += 1
                if conn is not None:
                    conn.close()
                conn = None
            mine.append(time.perf_counter() - start)
        if conn is not None:
            conn.close()
        with lock:
            latencies.extend(mine)
            counts["ok"] += ok
            counts["non_2xx"] += non_2xx
            counts["errors"] += errors

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=time_limit + 15)
    seconds = time.perf_counter() - started
    latencies.sort()
    done = len(latencies)

    def pct(p: float) -> float:
        return latencies[min(done - 1, int(p * done))] * 1000 if done else float("nan")

    return {
        "requests": done,
        **counts,
        "seconds": seconds,
        "rps": done / seconds if seconds else 0.0,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "timed_out": done < requests,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    result = run(
        host=args.host,
        port=args.port,
        path=args.path,
        requests=args.requests,
        concurrency=args.concurrency,
        time_limit=args.time_limit,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
