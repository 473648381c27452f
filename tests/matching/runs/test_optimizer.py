"""The pure matching optimiser: optimal, deterministic, and a fair baseline.

No database: these tests only build `Problem`s in memory.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from matching.runs import optimizer
from matching.runs.optimizer import greedy, solve
from matching.runs.problem import Problem
from tests.matching.runs.optimizer_checks import (
    MODES,
    brute_force,
    check_valid,
    key,
    random_problem,
    shuffled,
)

# --------------------------------------------------------------------------- #
# Optimality against brute force
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize("chunk", range(6))
def test_solve_matches_brute_force_on_random_small_instances(chunk):
    """300 random instances (1-5 companies, 1-4 advisors, capacity 0-2, ties,
    exclusions, locks): both modes reach the brute-force optimum."""
    for seed in range(chunk * 50, chunk * 50 + 50):
        rng = random.Random(seed)
        problem = random_problem(rng, companies=rng.randint(1, 5), advisors=rng.randint(1, 4))
        best = brute_force(problem)
        for mode in MODES:
            result = solve(problem, mode=mode)
            check_valid(problem, result)
            assert key(result, mode) == best[mode], (seed, mode, problem, result)


def test_solve_matches_brute_force_on_contested_instances():
    """300 more instances with more companies per advisor and wider scores, where
    the two modes often disagree: still the brute-force optimum in both."""
    modes_disagree = 0
    for seed in range(300):
        rng = random.Random(1_000 + seed)
        problem = random_problem(
            rng,
            companies=rng.randint(3, 6),
            advisors=rng.randint(2, 4),
            max_score=9,
            p_missing=0.1,
            p_excluded=0.1,
            p_locked=0.1,
        )
        best = brute_force(problem)
        results = {mode: solve(problem, mode=mode) for mode in MODES}
        for mode, result in results.items():
            check_valid(problem, result)
            assert key(result, mode) == best[mode], (seed, mode, problem, result)
        modes_disagree += results["max_total"].weakest != results["max_min"].weakest
    assert modes_disagree >= 5


def test_more_matches_beat_a_higher_total():
    """Lexicographic: the number of matched companies comes first, the total second."""
    problem = Problem(
        companies=["c1", "c2"],
        advisors=["a1", "a2"],
        capacity={"a1": 1, "a2": 1},
        score={("c1", "a1"): 10.0, ("c1", "a2"): 1.0, ("c2", "a1"): 5.0},
    )
    result = solve(problem)
    assert result.pairs == {"c1": "a2", "c2": "a1"}
    assert (result.matched, result.total, result.weakest) == (2, 6.0, 1.0)
    # Greedy grabs the 10 and strands c2: a higher total, but fewer companies.
    baseline = greedy(problem)
    assert baseline.pairs == {"c1": "a1"}
    assert baseline.unmatched == {"c2": "capacity_taken"}
    assert baseline.total == 10.0


def test_max_min_raises_the_weakest_pair_at_the_cost_of_the_total():
    problem = Problem(
        companies=["c1", "c2"],
        advisors=["a1", "a2"],
        capacity={"a1": 1, "a2": 1},
        score={
            ("c1", "a1"): 10.0,
            ("c1", "a2"): 5.0,
            ("c2", "a1"): 5.0,
            ("c2", "a2"): 1.0,
        },
    )
    by_total = solve(problem)
    assert by_total.pairs == {"c1": "a1", "c2": "a2"}
    assert (by_total.total, by_total.weakest) == (11.0, 1.0)
    by_min = solve(problem, mode="max_min")
    assert by_min.pairs == {"c1": "a2", "c2": "a1"}
    assert (by_min.total, by_min.weakest) == (10.0, 5.0)
    assert by_min.mode == "max_min"


def test_max_min_then_maximises_the_total_above_the_weakest():
    """Two assignments share the best weakest pair: the one with the higher total wins."""
    problem = Problem(
        companies=["c1", "c2", "c3"],
        advisors=["a1", "a2", "a3"],
        capacity={"a1": 1, "a2": 1, "a3": 1},
        score={
            ("c1", "a1"): 5.0,
            ("c1", "a2"): 9.0,
            ("c2", "a1"): 9.0,
            ("c2", "a2"): 5.0,
            ("c3", "a3"): 4.0,  # the weakest pair whatever happens
        },
    )
    result = solve(problem, mode="max_min")
    assert result.weakest == 4.0
    assert result.pairs == {"c1": "a2", "c2": "a1", "c3": "a3"}
    assert result.total == 22.0


def test_max_min_below_a_weak_lock_optimises_the_total():
    """A locked pair is the weakest anyway: free pairs above it are chosen by total."""
    problem = Problem(
        companies=["c0", "c1", "c2"],
        advisors=["a0", "a1", "a2"],
        capacity={"a0": 1, "a1": 1, "a2": 1},
        score={
            ("c0", "a0"): 1.0,
            ("c1", "a1"): 10.0,
            ("c1", "a2"): 3.0,
            ("c2", "a1"): 4.0,
            ("c2", "a2"): 4.0,
        },
        locked={"c0": "a0"},
    )
    result = solve(problem, mode="max_min")
    assert result.weakest == 1.0
    assert result.pairs == {"c0": "a0", "c1": "a1", "c2": "a2"}
    assert result.total == 15.0


# --------------------------------------------------------------------------- #
# Locks and re-matching
# --------------------------------------------------------------------------- #


def test_rematching_after_an_advisor_drops_out_keeps_every_other_pair():
    rng = random.Random(7)
    cs = [f"c{i:02d}" for i in range(12)]
    ads = [f"a{j}" for j in range(4)]
    score = {(c, a): float(rng.randint(0, 20)) for c in cs for a in ads}
    capacity = dict.fromkeys(ads, 4)
    first = solve(Problem(cs, ads, capacity, score))
    assert first.matched == 12
    gone = first.pairs["c00"]
    confirmed = {c: a for c, a in first.pairs.items() if a != gone}
    orphans = sorted(c for c, a in first.pairs.items() if a == gone)
    remaining = [a for a in ads if a != gone]

    second = solve(Problem(cs, remaining, capacity, score, locked=confirmed))

    for c, a in confirmed.items():
        assert second.pairs[c] == a
    assert gone not in second.pairs.values()
    # 12 companies, 3 advisors × 4: every orphan finds a free place.
    assert sorted(set(second.pairs) - set(confirmed)) == orphans
    assert second.unmatched == {}


def test_lock_on_a_departed_advisor_is_reported():
    problem = Problem(
        companies=["c1", "c2"],
        advisors=["a2"],
        capacity={"a2": 2},
        score={("c1", "a1"): 9.0, ("c1", "a2"): 1.0, ("c2", "a2"): 3.0},
        locked={"c1": "a1"},
    )
    result = solve(problem)
    assert result.unmatched == {"c1": "locked_unknown_advisor"}
    assert result.pairs == {"c2": "a2"}


def test_locks_override_a_better_total():
    problem = Problem(
        companies=["c1", "c2"],
        advisors=["a1", "a2"],
        capacity={"a1": 1, "a2": 1},
        score={("c1", "a1"): 1.0, ("c1", "a2"): 9.0, ("c2", "a2"): 1.0, ("c2", "a1"): 9.0},
        locked={"c1": "a1"},
    )
    for mode in MODES:
        result = solve(problem, mode=mode)
        assert result.pairs == {"c1": "a1", "c2": "a2"}
        assert result.total == 2.0


# --------------------------------------------------------------------------- #
# Determinism
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize("mode", MODES)
def test_same_problem_in_any_order_gives_the_same_assignment(mode):
    for seed in range(10):
        rng = random.Random(seed)
        problem = random_problem(
            rng, companies=40, advisors=9, max_capacity=4, max_score=3, p_locked=0.1
        )
        reference = solve(problem, mode=mode)
        for _ in range(5):
            again = solve(shuffled(problem, rng), mode=mode)
            assert list(again.pairs.items()) == list(reference.pairs.items())
            assert list(again.unmatched.items()) == list(reference.unmatched.items())
            assert (again.total, again.weakest) == (reference.total, reference.weakest)
        assert greedy(shuffled(problem, rng)) == greedy(problem)


def test_same_assignment_under_another_hash_seed():
    """Set and dict orders of str keys change with PYTHONHASHSEED; the result does not."""
    script = (
        "import random, hashlib\n"
        "from matching.runs.optimizer import solve\n"
        "from matching.runs.problem import Problem\n"
        "rng = random.Random(3)\n"
        "cs = [f'c{i}' for i in range(60)]; ads = [f'a{j}' for j in range(12)]\n"
        "score = {(c, a): float(rng.randint(0, 3)) for c in cs for a in ads}\n"
        "excluded = {(c, a) for c in cs for a in ads if rng.random() < 0.2}\n"
        "p = Problem(set(cs), set(ads), {a: 3 for a in ads}, score, excluded)\n"
        "out = [solve(p, mode=m) for m in ('max_total', 'max_min')]\n"
        "print(hashlib.sha256(repr([(r.pairs, r.unmatched) for r in out]).encode())"
        ".hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[3]
    digests = set()
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        run = subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(run.stdout.strip())
    assert len(digests) == 1


# --------------------------------------------------------------------------- #
# The greedy baseline
# --------------------------------------------------------------------------- #


def test_greedy_is_never_better_than_optimal():
    """On random instances greedy is valid, and never beats the optimum's
    (matched, total); on some it is strictly worse."""
    strictly_worse = 0
    for seed in range(200):
        rng = random.Random(10_000 + seed)
        problem = random_problem(
            rng,
            companies=rng.randint(1, 25),
            advisors=rng.randint(1, 8),
            max_capacity=3,
            max_score=20,
        )
        baseline = greedy(problem)
        check_valid(problem, baseline)
        best = solve(problem)
        assert key(baseline, "max_total") <= key(best, "max_total"), seed
        strictly_worse += key(baseline, "max_total") < key(best, "max_total")
    assert strictly_worse > 0


def test_medium_instance_is_consistent():
    """A mid-size instance (300 × 60, capacity up to 5): valid in both modes, and
    max_min's weakest is at least max_total's with the same number matched."""
    rng = random.Random(99)
    problem = random_problem(
        rng, companies=300, advisors=60, max_capacity=5, max_score=100, p_locked=0.05
    )
    by_total = solve(problem)
    by_min = solve(problem, mode="max_min")
    check_valid(problem, by_total)
    check_valid(problem, by_min)
    assert by_min.matched == by_total.matched
    assert by_min.weakest >= by_total.weakest
    assert by_min.total <= by_total.total


def test_too_large_for_the_dense_solver_is_refused(monkeypatch):
    """Memory guard: a matrix above MAX_CELLS raises instead of exhausting memory."""
    monkeypatch.setattr(optimizer, "MAX_CELLS", 3)
    problem = Problem(["c1", "c2"], ["a1"], {"a1": 2}, {("c1", "a1"): 1.0, ("c2", "a1"): 1.0})
    with pytest.raises(ValueError, match="too large"):
        solve(problem)
