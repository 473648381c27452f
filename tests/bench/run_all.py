"""`make bench`: every benchmark in turn, one Markdown report (see README.md).

Each benchmark runs as its own process (they set up Django differently and
drop their own databases); its summary goes into one section of the report,
headed by the machine's core count, the load average before and after, and
the commit measured. A benchmark that fails is reported as failed with the
end of its output, and the run exits non-zero after writing the report.
"""

import argparse
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

# (title, command, what its baseline is)
BENCHES = {
    "knowledge": (
        "Public knowledge pages and search",
        ["tests/bench/knowledge_bench.py"],
        "pages: the bare `bench-hello/` view served the same way; search: `SELECT 1`",
    ),
    "pages": (
        "Logged-in main pages",
        ["tests/bench/pages_bench.py"],
        "the bare logged-in `bench-whoami/` view in the same process",
    ),
    "load": (
        "Load (Locust behind nginx)",
        ["tests/bench/load_bench.py"],
        "goals: 0 errors, logged-in p95 ≤ 300 ms at 50 users",
    ),
    "matching": (
        "Matching solver",
        ["tests/bench/matching_bench.py"],
        "the greedy assignment on the same inputs",
    ),
    "pdf": (
        "Logbook PDF export",
        ["tests/bench/logbook_pdf_bench.py"],
        "the 10-entry logbook; limits 20 s and 1 GiB for 500 entries",
    ),
}


def _commit() -> str:
    try:
        return subprocess.run(  # noqa: S603
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def run(names: list[str], quick: bool) -> tuple[str, bool]:
    sections, ok = [], True
    started = datetime.datetime.now(datetime.UTC).astimezone()
    header = [
        "# BIFROST benchmark report",
        "",
        f"- When: {started:%Y-%m-%d %H:%M %Z}; commit `{_commit()}`",
        f"- Machine: {os.cpu_count()} CPU cores; load average (1/5/15 min) before: {_load()}",
        "- Every figure is compared with a baseline measured in the same run: read the "
        "ratios, not the absolute times (tests/bench/README.md).",
    ]
    for name in names:
        title, command, baseline = BENCHES[name]
        args = [PYTHON, *command]
        if quick and name == "knowledge":
            args.append("--quick")
        if quick and name == "pages":
            args += ["--runs", "7"]
        if quick and name == "load":
            args += ["--seconds", "20"]
        print(f"[bench] {title} ...", file=sys.stderr, flush=True)
        begun = time.monotonic()
        result = subprocess.run(  # noqa: S603
            args, cwd=ROOT, capture_output=True, text=True, env=os.environ.copy()
        )
        took = time.monotonic() - begun
        body = result.stdout.strip()
        lines = [f"## {title}", "", f"Baseline: {baseline}. Took {took:.0f} s.", ""]
        if result.returncode != 0:
            ok = False
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
            lines += [f"**FAILED** (exit {result.returncode}):", "", "```", tail, "```"]
        elif body.startswith("## "):
            lines = [body]  # already Markdown with its own heading
        else:
            lines += ["```", body, "```"]
        sections.append("\n".join(lines))
    header.append(f"- Load average after: {_load()}")
    return "\n\n".join(["\n".join(header), *sections]) + "\n", ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), default=list(BENCHES))
    parser.add_argument("--quick", action="store_true", help="shorter runs, rougher figures")
    parser.add_argument("--output", type=Path, default=ROOT / "bench-report.md")
    args = parser.parse_args(argv)
    report, ok = run(args.only, args.quick)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    print(f"[bench] report written to {args.output}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
