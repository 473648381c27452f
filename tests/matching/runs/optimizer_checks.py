"""Independent checks for the optimiser tests: random instances, a brute force, the
documented lock policy written out again, and a validity check of an assignment.

Plain helpers (no fixtures), imported by the optimiser and problem tests.
"""

from __future__ import annotations

import math
import random
from collections import Counter

from matching.runs.problem import Assignment, Problem, Reason

MODES = ("max_total", "max_min")


def random_problem(
    rng: random.Random,
    *,
    companies: int,
    advisors: int,
    max_capacity: int = 2,
    max_score: int = 5,
    p_missing: float = 0.2,
    p_excluded: float = 0.15,
    p_locked: float = 0.2,
) -> Problem:
    """Integer scores in a small range, so that ties are common."""
    cs = [f"c{i}" for i in range(companies)]
    ads = [f"a{j}" for j in range(advisors)]
    capacity = {a: rng.randint(0, max_capacity) for a in ads}
    score = {
        (c, a): float(rng.randint(0, max_score))
        for c in cs
        for a in ads
        if rng.random() >= p_missing
    }
    excluded = {(c, a) for c in cs for a in ads if rng.random() < p_excluded}
    locked = {}
    for c in cs:
        if rng.random() < p_locked:
            # Now and then a lock on an advisor who is not in the problem any more.
            locked[c] = rng.choice([*ads, "gone"]) if rng.random() < 0.2 else rng.choice(ads)
    return Problem(cs, ads, capacity, score, excluded, locked)


def allowed(problem: Problem, c: str, a: str) -> bool:
    return (c, a) in problem.score and (c, a) not in problem.excluded


def expected_locks(problem: Problem) -> tuple[dict[str, str], dict[str, str]]:
    """The documented lock policy, written out independently of the optimiser."""
    kept: dict[str, str] = {}
    conflicts: dict[str, str] = {}
    valid: dict[str, list[str]] = {}
    for c, a in problem.locked.items():
        if a not in problem.advisors:
            conflicts[c] = "locked_unknown_advisor"
        elif (c, a) in problem.excluded:
            conflicts[c] = "locked_excluded"
        elif (c, a) not in problem.score:
            conflicts[c] = "locked_not_allowed"
        else:
            valid.setdefault(a, []).append(c)
    for a, cs in valid.items():
        cs.sort(key=lambda c, a=a: (-problem.score[c, a], c))
        for n, c in enumerate(cs):
            if n < problem.capacity[a]:
                kept[c] = a
            else:
                conflicts[c] = "locked_over_capacity"
    return kept, conflicts


def brute_force(problem: Problem) -> dict[str, tuple]:
    """Best objective keys over every feasible assignment, by exhaustive search."""
    kept, conflicts = expected_locks(problem)
    room = {a: problem.capacity[a] for a in problem.advisors}
    for a in kept.values():
        room[a] -= 1
    free = [c for c in problem.companies if c not in kept and c not in conflicts]
    base = [problem.score[c, a] for c, a in kept.items()]
    best = {"max_total": None, "max_min": None}

    def visit(k: int, chosen: list[float]) -> None:
        if k == len(free):
            scores = base + chosen
            count, total = len(scores), sum(scores)
            weakest = min(scores) if scores else math.inf
            for mode, key in (
                ("max_total", (count, total)),
                ("max_min", (count, weakest, total)),
            ):
                if best[mode] is None or key > best[mode]:
                    best[mode] = key
            return
        c = free[k]
        visit(k + 1, chosen)  # c stays unmatched
        for a in problem.advisors:
            if room[a] > 0 and allowed(problem, c, a):
                room[a] -= 1
                visit(k + 1, [*chosen, problem.score[c, a]])
                room[a] += 1

    visit(0, [])
    return best


def key(result: Assignment, mode: str) -> tuple:
    weakest = math.inf if result.weakest is None else result.weakest
    if mode == "max_min":
        return (result.matched, weakest, result.total)
    return (result.matched, result.total)


def check_valid(problem: Problem, result: Assignment) -> None:
    """Feasible, complete, consistent, and the reasons tell the truth."""
    assert set(result.pairs) | set(result.unmatched) == set(problem.companies)
    assert not set(result.pairs) & set(result.unmatched)
    assert list(result.pairs) == sorted(result.pairs)
    assert list(result.unmatched) == sorted(result.unmatched)
    kept, conflicts = expected_locks(problem)
    for c, a in kept.items():
        assert result.pairs[c] == a
    for c, reason in conflicts.items():
        assert result.unmatched[c] == reason
    load = Counter(result.pairs.values())
    for a, n in load.items():
        assert n <= problem.capacity[a]
    for c, a in result.pairs.items():
        assert allowed(problem, c, a)
    scores = [problem.score[c, a] for c, a in result.pairs.items()]
    assert result.total == math.fsum(scores)
    assert result.weakest == (min(scores) if scores else None)
    room = {a: problem.capacity[a] for a in problem.advisors}
    for a in kept.values():
        room[a] -= 1
    for c, reason in result.unmatched.items():
        if c in conflicts:
            continue
        options = [a for a in problem.advisors if allowed(problem, c, a)]
        if not options:
            assert reason == Reason.NO_ALLOWED_ADVISOR
        elif not any(room[a] > 0 for a in options):
            assert reason == Reason.NO_CAPACITY
        else:
            assert reason == Reason.CAPACITY_TAKEN
            # The advisors it could have had are now full.
            assert all(load[a] >= problem.capacity[a] for a in options)


def shuffled(problem: Problem, rng: random.Random) -> Problem:
    """The same problem with every list, dict and set built in another order."""

    def reorder(items):
        items = list(items)
        rng.shuffle(items)
        return items

    return Problem(
        companies=reorder(problem.companies),
        advisors=tuple(reorder(problem.advisors)),
        capacity=dict(reorder(problem.capacity.items())),
        score=dict(reorder(problem.score.items())),
        excluded=set(reorder(problem.excluded)),
        locked=dict(reorder(problem.locked.items())),
    )
