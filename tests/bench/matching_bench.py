"""Benchmark of the matching optimiser (`matching.runs.optimizer`): speed and quality.

Not a test (nothing here is collected by pytest, see conftest.py): it asserts
nothing about speed, it prints a summary table. Run from the repository root:

    .venv/bin/python tests/bench/matching_bench.py
    .venv/bin/python tests/bench/matching_bench.py --runs 5 --seed 7

For each size it builds one random but realistic problem (scores 0-100 from
theme fit, region, sector experience and a little noise; some pairs not
allowed, some excluded as conflicts of interest), then times `solve()` in both
modes and the `greedy()` baseline (median of --runs runs, each on the same
input, including the conversion of the dicts into matrices) and compares the
results: companies matched, total score (greedy / optimal) and the weakest pair.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from matching.runs.optimizer import greedy, solve  # noqa: E402
from matching.runs.problem import Assignment, Problem  # noqa: E402

# (label, companies, advisors, capacity per advisor)
SIZES = [
    ("100 x 100, cap 1", 100, 100, 1),
    ("1,000 x 1,000, cap 1", 1_000, 1_000, 1),
    ("2,000 x 500, cap 4", 2_000, 500, 4),
]
THEMES = 6  # the six stress challenges
REGIONS = 5
SECTORS = 4  # finance, media, communication, other


def realistic_problem(
    n_companies: int,
    n_advisors: int,
    capacity: int,
    *,
    seed: int,
    p_missing: float = 0.05,
    p_excluded: float = 0.02,
) -> Problem:
    """Scores 0-100 (one decimal) as a weighted sum of criteria, like the real form.

    Theme fit dominates, so good generalists are wanted by many companies: the
    capacity is contested, which is where greedy loses.
    """
    rng = np.random.default_rng(seed)
    need = rng.dirichlet(np.full(THEMES, 0.5), size=n_companies)  # 1-3 main themes
    expertise = rng.beta(2.0, 2.0, size=(n_advisors, THEMES))
    fit = need @ expertise.T  # 0..1
    same_region = (
        rng.integers(0, REGIONS, n_companies)[:, None]
        == rng.integers(0, REGIONS, n_advisors)[None, :]
    )
    sector_experience = rng.random((n_advisors, SECTORS))[:, rng.integers(0, SECTORS, n_companies)]
    noise = rng.random((n_companies, n_advisors))
    score = np.round(
        100 * (0.55 * fit + 0.2 * same_region + 0.15 * sector_experience.T + 0.1 * noise), 1
    )
    allowed = rng.random((n_companies, n_advisors)) >= p_missing
    excluded = rng.random((n_companies, n_advisors)) < p_excluded

    companies = [f"c{i:05d}" for i in range(n_companies)]
    advisors = [f"a{j:05d}" for j in range(n_advisors)]
    rows, cols = np.nonzero(allowed)
    values = score[rows, cols].tolist()
    scores = {
        (companies[i], advisors[j]): v
        for i, j, v in zip(rows.tolist(), cols.tolist(), values, strict=True)
    }
    ex_rows, ex_cols = np.nonzero(excluded)
    exclusions = {
        (companies[i], advisors[j]) for i, j in zip(ex_rows.tolist(), ex_cols.tolist(), strict=True)
    }
    return Problem(companies, advisors, dict.fromkeys(advisors, capacity), scores, exclusions)


def timed(fn: Callable[[], Assignment], runs: int) -> tuple[float, Assignment]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def fmt_score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def say(message: str) -> None:
    """Progress on stderr: stdout carries only the Markdown section."""
    print(f"[matching-bench] {message}", file=sys.stderr, flush=True)


def report(rows: list, runs: int, versions: str, load_before: float) -> str:
    """The Markdown section of `make bench`'s report. There is no speed goal for
    the solver; the verdict checks what the optimiser is for: it matches as many
    companies as greedy and its total is at least greedy's."""
    lines = [
        "## Matching solver",
        "",
        f"Median wall time of {runs} runs of `solve()` (`matching/runs/optimizer.py`) per mode; "
        "baseline: `greedy()` on the same input. Quality: greedy's total as a share of the "
        f"optimum, and the weakest pair under each. {versions}; load average "
        f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after.",
        "",
        "| size | mode | seconds | greedy s | ratio | matched (greedy) | total greedy / opt "
        "| weakest (greedy) | verdict |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for label, t_total, t_min, t_greedy, by_total, by_min, base in rows:
        for mode, seconds, result in (("max_total", t_total, by_total), ("max_min", t_min, by_min)):
            good = result.matched >= base.matched and (
                mode == "max_min" or result.total >= base.total - 1e-6
            )
            if mode == "max_min":
                good = good and (result.weakest or 0) >= (base.weakest or 0)
            lines.append(
                f"| {label} | {mode} | {seconds:.3f} | {t_greedy:.3f} | {seconds / t_greedy:.1f}× "
                f"| {result.matched:,} ({base.matched:,}) | {base.total / result.total:.4f} "
                f"| {fmt_score(result.weakest)} ({fmt_score(base.weakest)}) "
                f"| {'ok: not worse than greedy' if good else '**worse than greedy**'} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per solver (median shown)")
    parser.add_argument("--seed", type=int, default=2019, help="seed of the random problems")
    args = parser.parse_args(argv)

    versions = (
        f"Python {platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}"
    )
    load_before = os.getloadavg()[0]
    rows = []
    for n, (label, n_companies, n_advisors, capacity) in enumerate(SIZES):
        build_start = time.perf_counter()
        problem = realistic_problem(n_companies, n_advisors, capacity, seed=args.seed + n)
        build = time.perf_counter() - build_start
        say(
            f"{label}: {len(problem.score):,} scored pairs, {len(problem.excluded):,} "
            f"excluded (built in {build:.2f} s)"
        )
        t_total, by_total = timed(lambda p=problem: solve(p, mode="max_total"), args.runs)
        t_min, by_min = timed(lambda p=problem: solve(p, mode="max_min"), args.runs)
        t_greedy, base = timed(lambda p=problem: greedy(p), args.runs)
        for name, seconds, result in (
            ("max_total", t_total, by_total),
            ("max_min", t_min, by_min),
            ("greedy", t_greedy, base),
        ):
            say(
                f"  {name:<9} {seconds:7.3f} s  matched {result.matched:>5,}  "
                f"total {result.total:>11,.1f}  weakest {fmt_score(result.weakest)}"
            )
        rows.append((label, t_total, t_min, t_greedy, by_total, by_min, base))
    print(report(rows, args.runs, versions, load_before))
    return 0


if __name__ == "__main__":
    sys.exit(main())
