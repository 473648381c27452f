"""The pure core of company–advisor matching: an optimal, deterministic assignment.

No Django here: the caller (``matching.services``) turns profiles, weights,
conflicts of interest and confirmed pairs into a :class:`Problem`, and turns the
:class:`Assignment` back into a match-run proposal.

What "best" means (lexicographic, in this order):

``mode="max_total"``
    1. as many companies matched as possible;
    2. then the highest total score.
``mode="max_min"``
    1. as many companies matched as possible;
    2. then the highest score of the weakest pair;
    3. then the highest total score.

Locked pairs are part of the assignment (they count in the total and in the
weakest pair, and use their advisor's capacity) but are never changed. A lock
that cannot be honoured is reported in ``Assignment.unmatched`` with a
``locked_*`` reason and that company is left out of the proposal: the
facilitator decided on that pair, so the optimiser does not quietly pick
another advisor. To re-match after an advisor drops out, remove the advisor and
lock every other confirmed pair.

How: every advisor is expanded into as many slots as it has free capacity
(never more than the number of companies it may take), and
``scipy.optimize.linear_sum_assignment`` solves companies × slots with cost
``-score`` and ``inf`` for forbidden pairs. The maximum number of companies that
can be matched, ``k``, is computed first with a max flow; the matrix then gets
exactly ``rows - k`` "nobody" columns, so every optimal assignment matches
exactly ``k`` companies and maximises the total among those: no big-M
constants, and integer scores give exact totals. ``max_min`` first finds, by
binary search over the distinct scores, the highest threshold that still lets
``k`` companies be matched, then solves the same way with only the pairs at
or above it.

Determinism: ids are sorted before the matrix is built, so the same problem
gives the same assignment whatever the order of the input lists, dicts and
sets. Among equally good assignments the solver's pick on that sorted matrix
is returned (stable, but not otherwise meaningful).

Size: the dense matrix has ``companies × slots`` cells (8 bytes each); 2,000
companies × 2,000 slots is 32 MB. Problems above ``MAX_CELLS`` are refused
with ``ValueError`` rather than exhausting memory.
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
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

__all__ = [
    "MAX_CELLS",
    "Assignment",
    "Mode",
    "Problem",
    "Reason",
    "greedy",
    "solve",
]

Mode = Literal["max_total", "max_min"]
MODES: tuple[Mode, ...] = ("max_total", "max_min")

#: Largest companies × slots matrix the solver builds (400 MB of float64).
MAX_CELLS = 50_000_000


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
class _Prepared:
    companies: list[str]  # sorted
    advisors: list[str]  # sorted
    score: np.ndarray  # companies × advisors, float64; NaN where not allowed
    allowed: np.ndarray  # companies × advisors, bool
    remaining: np.ndarray  # advisors, int64: capacity left after kept locks
    locked_pairs: dict[int, int]  # company index -> advisor index (kept locks)
    unmatched: dict[int, str]  # company index -> reason (lock conflicts + hopeless)
    free_rows: np.ndarray  # company indexes left to optimise, ascending


def _prepare(problem: Problem) -> _Prepared:
    companies = sorted(problem.companies)
    advisors = sorted(problem.advisors)
    for label, ids in (("company", companies), ("advisor", advisors)):
        dupes = sorted({a for a, b in zip(ids, ids[1:], strict=False) if a == b})
        if dupes:
            raise ValueError(f"duplicate {label} ids: {dupes[:5]}")
    ci = {c: i for i, c in enumerate(companies)}
    ai = {a: j for j, a in enumerate(advisors)}
    n, m = len(companies), len(advisors)

    capacity = np.zeros(m, dtype=np.int64)
    for j, a in enumerate(advisors):
        if a not in problem.capacity:
            raise ValueError(f"no capacity given for advisor {a!r}")
        cap = problem.capacity[a]
        if isinstance(cap, bool) or not isinstance(cap, int | np.integer) or cap < 0:
            raise ValueError(f"capacity of advisor {a!r} must be an int >= 0, got {cap!r}")
        capacity[j] = cap

    score = np.full((n, m), np.nan)
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
    allowed = ~np.isnan(score)
    for c, a in problem.excluded:
        i, j = ci.get(c), ai.get(a)
        if i is not None and j is not None:
            allowed[i, j] = False

    # Locks: validate, then keep up to capacity (highest score, then company id).
    unmatched: dict[int, str] = {}
    candidates: dict[int, list[int]] = {}
    for c in sorted(problem.locked):
        a = problem.locked[c]
        i = ci.get(c)
        if i is None:
            raise ValueError(f"locked company {c!r} is not among the companies")
        j = ai.get(a)
        if j is None:
            unmatched[i] = Reason.LOCKED_UNKNOWN_ADVISOR
        elif (c, a) in problem.excluded:
            unmatched[i] = Reason.LOCKED_EXCLUDED
        elif np.isnan(score[i, j]):
            unmatched[i] = Reason.LOCKED_NOT_ALLOWED
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

    # Companies left to optimise, minus those that cannot be matched at all.
    is_free = np.ones(n, dtype=bool)
    is_free[list(locked_pairs) + list(unmatched)] = False
    any_allowed = allowed.any(axis=1)
    any_room = (allowed & (remaining > 0)[None, :]).any(axis=1)
    for i in np.flatnonzero(is_free & ~any_allowed):
        unmatched[int(i)] = Reason.NO_ALLOWED_ADVISOR
    for i in np.flatnonzero(is_free & any_allowed & ~any_room):
        unmatched[int(i)] = Reason.NO_CAPACITY
    free_rows = np.flatnonzero(is_free & any_room)
    return _Prepared(
        companies, advisors, score, allowed, remaining, locked_pairs, unmatched, free_rows
    )


def _result(prep: _Prepared, matched: dict[int, int], mode: str) -> Assignment:
    pairs = {**prep.locked_pairs, **matched}
    unmatched = dict(prep.unmatched)
    for i in prep.free_rows:
        if int(i) not in matched:
            unmatched[int(i)] = Reason.CAPACITY_TAKEN
    scores = [float(prep.score[i, j]) for i, j in sorted(pairs.items())]
    return Assignment(
        pairs={prep.companies[i]: prep.advisors[j] for i, j in sorted(pairs.items())},
        unmatched={prep.companies[i]: str(r) for i, r in sorted(unmatched.items())},
        total=math.fsum(scores),
        weakest=min(scores) if scores else None,
        mode=mode,
    )


# --------------------------------------------------------------------------- #
# The optimiser
# --------------------------------------------------------------------------- #


def _max_matched(n_rows: int, rows: np.ndarray, cols: np.ndarray, room: np.ndarray) -> int:
    """How many rows can be matched at most over the edges (rows[e], cols[e]).

    Max flow: source -> each row (1) -> advisor (1) -> sink (room of the advisor).
    """
    if rows.size == 0:
        return 0
    m = room.size
    source, sink = 0, n_rows + m + 1
    src = np.concatenate([np.zeros(n_rows, dtype=np.int64), rows + 1, n_rows + 1 + np.arange(m)])
    dst = np.concatenate(
        [np.arange(n_rows) + 1, n_rows + 1 + cols, np.full(m, sink, dtype=np.int64)]
    )
    cap = np.concatenate([np.ones(n_rows + rows.size, dtype=np.int32), room.astype(np.int32)])
    keep = cap > 0
    size = n_rows + m + 2
    graph = csr_array((cap[keep], (src[keep], dst[keep])), shape=(size, size))
    return int(maximum_flow(graph, source, sink).flow_value)


def _assign(
    n_rows: int, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, room: np.ndarray, k: int
) -> dict[int, int]:
    """Max-total assignment of exactly ``k`` rows (``k`` = max matchable) over the edges."""
    if k == 0:
        return {}
    m = room.size
    degree = np.bincount(cols, minlength=m)
    slots = np.minimum(room, degree)
    n_slots = int(slots.sum())
    n_cols = n_slots + (n_rows - k)
    if n_rows * n_cols > MAX_CELLS:
        raise ValueError(
            f"problem too large for the dense solver: {n_rows} companies × {n_cols} slots"
        )
    per_advisor = np.full((n_rows, m), np.inf)
    per_advisor[rows, cols] = -vals
    # One column per slot, then n_rows - k "nobody" columns of cost 0: exactly
    # n_rows - k rows go there. Filled in place: no second matrix-sized copy.
    cost = np.zeros((n_rows, n_cols))
    slot_owner = np.repeat(np.arange(m), slots)
    start = 0
    for j in np.flatnonzero(slots).tolist():
        cost[:, start : start + slots[j]] = per_advisor[:, j : j + 1]
        start += slots[j]
    del per_advisor
    row_ind, col_ind = linear_sum_assignment(cost)
    out: dict[int, int] = {}
    for r, c in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
        if c < n_slots:
            out[r] = int(slot_owner[c])
    if len(out) != k:  # pragma: no cover - would be a bug, not bad input
        raise AssertionError(f"solver matched {len(out)} companies, expected {k}")
    return out


def solve(problem: Problem, *, mode: Mode = "max_total") -> Assignment:
    """The optimal assignment for ``problem`` (see the module docstring for "optimal").

    Infeasible parts of the input never raise: they are reported in
    ``Assignment.unmatched``. Malformed input raises ``ValueError`` (unknown
    mode, duplicate ids, a missing or negative capacity, a non-finite score, a
    lock on a company that is not in the problem).
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    prep = _prepare(problem)
    free = prep.free_rows
    room = np.maximum(prep.remaining, 0)
    sub_allowed = prep.allowed[free] & (room > 0)[None, :]
    rows, cols = np.nonzero(sub_allowed)  # row-major: deterministic order
    vals = prep.score[free][rows, cols]
    n_rows = free.size
    k = _max_matched(n_rows, rows, cols, room)

    if mode == "max_min" and k > 0:
        thresholds = np.unique(vals)  # ascending
        # k rows each need a pair at or above the threshold: it is at most the
        # k-th largest of the rows' best scores.
        # (Every free row has a pair, and np.nonzero gave the pairs row by row.)
        row_best = np.maximum.reduceat(vals, np.searchsorted(rows, np.arange(n_rows)))
        ceiling = np.sort(row_best)[n_rows - k]
        lo, hi = 0, int(np.searchsorted(thresholds, ceiling, side="right")) - 1
        # thresholds[lo] is always feasible; find the highest feasible one.
        while lo < hi:
            mid = (lo + hi + 1) // 2
            keep = vals >= thresholds[mid]
            if _max_matched(n_rows, rows[keep], cols[keep], room) == k:
                lo = mid
            else:
                hi = mid - 1
        floor = thresholds[lo]
        # A locked pair below the floor is the weakest anyway: then any free pair
        # at or above it leaves the weakest unchanged, so allow those for the total.
        if prep.locked_pairs:
            floor = min(floor, min(prep.score[i, j] for i, j in prep.locked_pairs.items()))
        keep = vals >= floor
        rows, cols, vals = rows[keep], cols[keep], vals[keep]

    matched = _assign(n_rows, rows, cols, vals, room, k)
    return _result(prep, {int(free[r]): j for r, j in matched.items()}, mode)


def greedy(problem: Problem) -> Assignment:
    """Baseline for the benchmark: take the best remaining pair until nothing fits.

    Same validation, locks and reason codes as :func:`solve`; ties go to the
    smaller company id, then the smaller advisor id. Not optimal: it may match
    fewer companies, or reach a lower total.
    """
    prep = _prepare(problem)
    free = prep.free_rows
    room = np.maximum(prep.remaining, 0)
    sub_allowed = prep.allowed[free] & (room > 0)[None, :]
    rows, cols = np.nonzero(sub_allowed)
    vals = prep.score[free][rows, cols]
    order = np.lexsort((cols, rows, -vals))
    left = room.tolist()
    taken = np.zeros(free.size, dtype=bool)
    open_rows = free.size
    open_slots = sum(left)
    matched: dict[int, int] = {}
    for r, c in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if taken[r] or left[c] == 0:
            continue
        taken[r] = True
        left[c] -= 1
        matched[int(free[r])] = c
        open_rows -= 1
        open_slots -= 1
        if open_rows == 0 or open_slots == 0:
            break
    return _result(prep, matched, "greedy")
