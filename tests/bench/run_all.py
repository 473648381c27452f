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

# name: (title, commands, what the baseline is, extra arguments of each command with
# --quick). The commands of one entry run in turn and their sections follow each other.
BENCHES = {
    "knowledge": (
        "Public knowledge pages and search",
        [["tests/bench/knowledge_bench.py", "--pages", "10000", "100000"]],
        "pages: the bare `bench-hello/` view served the same way; search: `SELECT 1`",
        # --quick: shorter HTTP rounds, fewer search runs, search at 10,000 pages only
        [["--quick", "--pages", "10000"]],
    ),
    "pages": (
        "Logged-in main pages",
        [["tests/bench/pages_bench.py"]],
        "the bare logged-in `bench-whoami/` view in the same process",
        [["--runs", "7"]],
    ),
    "load": (
        "Load (Locust behind nginx)",
        [["tests/bench/load_bench.py"]],
        "goals: 0 errors, logged-in p95 ≤ 300 ms at 50 users",
        [["--seconds", "20"]],
    ),
    "matching": (
        "Matching solver",
        [["tests/bench/matching_bench.py"]],
        "the greedy assignment on the same inputs",
        [["--runs", "1"]],
    ),
    "pdf": (
        "PDF exports (logbook, agenda)",
        [["tests/bench/logbook_pdf_bench.py"], ["tests/bench/agenda_pdf_bench.py"]],
        "logbook: the 10-entry logbook; agenda: a one-paragraph PDF in the same process",
        [[], ["--processes", "2"]],
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


def _section(title: str, args: list[str], baseline: str) -> tuple[str, bool]:
    """Run one benchmark; its stdout as a section (as is when it is Markdown)."""
    print(f"[bench] {title}: {' '.join(args[1:])} ...", file=sys.stderr, flush=True)
    begun = time.monotonic()
    result = subprocess.run(  # noqa: S603
        args, cwd=ROOT, capture_output=True, text=True, env=os.environ.copy()
    )
    took = time.monotonic() - begun
    body = result.stdout.strip()
    lines = [f"## {title}", "", f"Baseline: {baseline}. Took {took:.0f} s.", ""]
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
        lines += [f"**FAILED** (exit {result.returncode}):", "", "```", tail, "```"]
        return "\n".join(lines), False
    if body.startswith("## "):
        # Already Markdown with its own heading(s); say how long it took.
        return f"{body}\n\n_`{' '.join(args[1:])}` took {took:.0f} s._", True
    return "\n".join([*lines, "```", body, "```"]), True


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
        title, commands, baseline, quick_args = BENCHES[name]
        for command, extra in zip(commands, quick_args, strict=True):
            section, passed = _section(title, [PYTHON, *command, *(extra if quick else [])],
                                       baseline)  # fmt: skip
            sections.append(section)
            ok = ok and passed
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
