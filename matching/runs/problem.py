"""What the optimiser is given and what it gives back, and the validation between.

A :class:`Problem` (companies, advisors, capacities, scores, exclusions, locks,
all by string id) is checked and turned by :func:`prepare` into sorted index
arrays with the locks applied: the form both solvers in
``matching.runs.optimizer`` work on. :meth:`Prepared.result` turns their
choice back into an :class:`Assignment`. No Django here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import repeat
from operator import itemgetter
from typing import Literal

import numpy as np

__all__ = ["MODES", "Assignment", "Mode", "Prepared", "Problem", "Reason", "prepare"]

Mode = Literal["max_total", "max_min"]
MODES: tuple[Mode, ...] = ("max_total", "max_min")


class Reason(StrEnum):
    """Why a company is not in the proposal (``Assignment.unmatched`` values)."""

    #: No advisor may take this company at all (none scored, or all excluded).
    NO_ALLOWED_ADVISOR = "no_allowed_advisor"
    #: Advisors may take it, but none of them has capacity left (zero capacity,
    #: or all of it used by locked pairs).
    NO_CAPACITY = "no_capacity"
    #: Its advisors had capacity, but a maximum assignment needs it for others.
    CAPACITY_TAKEN = "capacity_taken"
    #: Locked to an advisor who is not in the problem (e.g. dropped out).
    LOCKED_UNKNOWN_ADVISOR = "locked_unknown_advisor"
    #: Locked to an advisor it is excluded from (conflict of interest).
    LOCKED_EXCLUDED = "locked_excluded"
    #: Locked to an advisor with no score for it (pair not allowed).
    LOCKED_NOT_ALLOWED = "locked_not_allowed"
    #: More companies are locked to the advisor than its capacity; the locks with
    #: the highest scores (then the smallest company ids) are kept.
    LOCKED_OVER_CAPACITY = "locked_over_capacity"


@dataclass(frozen=True)
class Problem:
    """One matching problem. Ids are strings; nothing here is mutated.

    ``score`` entries for unknown companies or advisors are ignored, so a full
    score table can be reused after an advisor is removed.
    """

    companies: Sequence[str]
    advisors: Sequence[str]
    #: advisor id -> how many companies at once (an int >= 0), for every advisor.
    capacity: Mapping[str, int]
    #: (company, advisor) -> weighted score, higher is better; missing = not allowed.
    score: Mapping[tuple[str, str], float]
    #: (company, advisor) pairs that must never be proposed.
    excluded: Set[tuple[str, str]] = field(default_factory=frozenset)
    #: company -> advisor, kept as they are (they use the advisor's capacity).
    locked: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Assignment:
    """The proposal. Every company of the problem is in exactly one of the dicts."""

    #: company -> advisor, locked pairs included, ordered by company id.
    pairs: dict[str, str]
    #: company -> reason code (a :class:`Reason`), ordered by company id.
    unmatched: dict[str, str]
    #: Sum of the scores of all pairs.
    total: float
    #: Score of the weakest pair, ``None`` when nothing is matched.
    weakest: float | None
    mode: str = "max_total"

    @property
    def matched(self) -> int:
        return len(self.pairs)


# --------------------------------------------------------------------------- #
# Preparation shared by solve() and greedy()
# --------------------------------------------------------------------------- #


@dataclass
class Prepared:
    """A validated problem as index arrays, locks applied (see :func:`prepare`)."""

    companies: list[str]  # sorted
    advisors: list[str]  # sorted
    score: np.ndarray  # companies × advisors, float64; NaN where not allowed
    allowed: np.ndarray  # companies × advisors, bool
    remaining: np.ndarray  # advisors, int64: capacity left after kept locks
    locked_pairs: dict[int, int]  # company index -> advisor index (kept locks)
    unmatched: dict[int, str]  # company index -> reason (lock conflicts + hopeless)
    free_rows: np.ndarray  # company indexes left to optimise, ascending

    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """What is left to optimise: advisors' room, and the allowed pairs of the free
        rows as (row, advisor, score) arrays, row by row (a deterministic order)."""
        room = np.maximum(self.remaining, 0)
        sub_allowed = self.allowed[self.free_rows] & (room > 0)[None, :]
        rows, cols = np.nonzero(sub_allowed)
        vals = self.score[self.free_rows][rows, cols]
        return room, rows, cols, vals

    def result(self, matched: dict[int, int], mode: str) -> Assignment:
        """The assignment of the kept locks plus `matched` (company index -> advisor)."""
        pairs = {**self.locked_pairs, **matched}
        unmatched = dict(self.unmatched)
        for i in self.free_rows:
            if int(i) not in matched:
                unmatched[int(i)] = Reason.CAPACITY_TAKEN
        scores = [float(self.score[i, j]) for i, j in sorted(pairs.items())]
        return Assignment(
            pairs={self.companies[i]: self.advisors[j] for i, j in sorted(pairs.items())},
            unmatched={self.companies[i]: str(r) for i, r in sorted(unmatched.items())},
            total=math.fsum(scores),
            weakest=min(scores) if scores else None,
            mode=mode,
        )


def prepare(problem: Problem) -> Prepared:
    """Validate the problem and turn it into sorted index arrays, locks applied."""
    companies = _sorted_ids(problem.companies, "company")
    advisors = _sorted_ids(problem.advisors, "advisor")
    ci = {c: i for i, c in enumerate(companies)}
    ai = {a: j for j, a in enumerate(advisors)}
    capacity = _capacity(problem, advisors)
    score = _score_matrix(problem, ci, ai)
    allowed = _allowed(problem, score, ci, ai)
    locked_pairs, remaining, unmatched = _apply_locks(problem, score, capacity, ci, ai)
    free_rows = _free_rows(allowed, remaining, locked_pairs, unmatched)
    return Prepared(
        companies, advisors, score, allowed, remaining, locked_pairs, unmatched, free_rows
    )


def _sorted_ids(ids: Sequence[str], label: str) -> list[str]:
    """The ids sorted (the matrix order); duplicates are malformed input."""
    ordered = sorted(ids)
    dupes = sorted({a for a, b in zip(ordered, ordered[1:], strict=False) if a == b})
    if dupes:
        raise ValueError(f"duplicate {label} ids: {dupes[:5]}")
    return ordered


def _capacity(problem: Problem, advisors: list[str]) -> np.ndarray:
    """Every advisor's capacity as an int >= 0, in matrix order."""
    capacity = np.zeros(len(advisors), dtype=np.int64)
    for j, a in enumerate(advisors):
        if a not in problem.capacity:
            raise ValueError(f"no capacity given for advisor {a!r}")
        cap = problem.capacity[a]
        if isinstance(cap, bool) or not isinstance(cap, int | np.integer) or cap < 0:
            raise ValueError(f"capacity of advisor {a!r} must be an int >= 0, got {cap!r}")
        capacity[j] = cap
    return capacity


def _score_matrix(problem: Problem, ci: dict[str, int], ai: dict[str, int]) -> np.ndarray:
    """Companies × advisors scores, NaN where no score is given (unknown ids ignored)."""
    score = np.full((len(ci), len(ai)), np.nan)
    if problem.score:
        count = len(problem.score)
        i_all = np.fromiter(
            map(ci.get, map(itemgetter(0), problem.score), repeat(-1)), np.intp, count
        )
        j_all = np.fromiter(
            map(ai.get, map(itemgetter(1), problem.score), repeat(-1)), np.intp, count
        )
        vals = np.fromiter(problem.score.values(), np.float64, count)
        known = (i_all >= 0) & (j_all >= 0)
        if not np.isfinite(vals[known]).all():
            raise ValueError("scores must be finite numbers (no NaN or infinity)")
        score[i_all[known], j_all[known]] = vals[known]
    return score


def _allowed(
    problem: Problem, score: np.ndarray, ci: dict[str, int], ai: dict[str, int]
) -> np.ndarray:
    """Pairs that have a score and are not excluded."""
    allowed = ~np.isnan(score)
    for c, a in problem.excluded:
        i, j = ci.get(c), ai.get(a)
        if i is not None and j is not None:
            allowed[i, j] = False
    return allowed


def _apply_locks(
    problem: Problem,
    score: np.ndarray,
    capacity: np.ndarray,
    ci: dict[str, int],
    ai: dict[str, int],
) -> tuple[dict[int, int], np.ndarray, dict[int, str]]:
    """Locks: validate, then keep up to capacity (highest score, then company id).

    Returns the kept locked pairs, the capacity left after them, and the
    companies whose lock cannot be honoured (with the reason).
    """
    unmatched: dict[int, str] = {}
    candidates: dict[int, list[int]] = {}
    for c in sorted(problem.locked):
        i = ci.get(c)
        if i is None:
            raise ValueError(f"locked company {c!r} is not among the companies")
        reason, j = _lock_check(problem, score, c, i, ai)
        if reason is not None:
            unmatched[i] = reason
        else:
            candidates.setdefault(j, []).append(i)
    locked_pairs: dict[int, int] = {}
    remaining = capacity.copy()
    for j, rows in candidates.items():
        rows.sort(key=lambda i, j=j: (-score[i, j], i))
        for i in rows[: capacity[j]]:
            locked_pairs[i] = j
        for i in rows[capacity[j] :]:
            unmatched[i] = Reason.LOCKED_OVER_CAPACITY
        remaining[j] -= min(len(rows), int(capacity[j]))
    return locked_pairs, remaining, unmatched


def _lock_check(
    problem: Problem, score: np.ndarray, c: str, i: int, ai: dict[str, int]
) -> tuple[Reason | None, int]:
    """(why the lock of company `c` cannot be kept, or None; the advisor's index)."""
    a = problem.locked[c]
    j = ai.get(a)
    if j is None:
        return Reason.LOCKED_UNKNOWN_ADVISOR, -1
    if (c, a) in problem.excluded:
        return Reason.LOCKED_EXCLUDED, j
    if np.isnan(score[i, j]):
        return Reason.LOCKED_NOT_ALLOWED, j
    return None, j


def _free_rows(
    allowed: np.ndarray,
    remaining: np.ndarray,
    locked_pairs: dict[int, int],
    unmatched: dict[int, str],
) -> np.ndarray:
    """Companies left to optimise, minus those that cannot be matched at all.

    Those get their reason added to `unmatched` (no allowed advisor at all, or
    none with capacity left).
    """
    is_free = np.ones(allowed.shape[0], dtype=bool)
    is_free[list(locked_pairs) + list(unmatched)] = False
    any_allowed = allowed.any(axis=1)
    any_room = (allowed & (remaining > 0)[None, :]).any(axis=1)
    for i in np.flatnonzero(is_free & ~any_allowed):
        unmatched[int(i)] = Reason.NO_ALLOWED_ADVISOR
    for i in np.flatnonzero(is_free & any_allowed & ~any_room):
        unmatched[int(i)] = Reason.NO_CAPACITY
    return np.flatnonzero(is_free & any_room)
