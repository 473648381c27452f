"""The pure core of company–advisor matching: an optimal, deterministic assignment.

No Django here: the caller (``matching.runs.snapshot`` for
``matching.runs.services``) turns profiles, weights, conflicts of interest and
confirmed pairs into a :class:`~matching.runs.problem.Problem`, and turns the
:class:`~matching.runs.problem.Assignment` back into a match-run proposal. The
problem's types, its validation and the lock handling are in
``matching.runs.problem``; this module is the two solvers.

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

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow

from matching.runs.problem import MODES, Assignment, Mode, Problem, prepare

__all__ = ["MAX_CELLS", "greedy", "solve"]

#: Largest companies × slots matrix the solver builds (400 MB of float64).
MAX_CELLS = 50_000_000


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
    prep = prepare(problem)
    free = prep.free_rows
    room, rows, cols, vals = prep.edges()
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
    return prep.result({int(free[r]): j for r, j in matched.items()}, mode)


def greedy(problem: Problem) -> Assignment:
    """Baseline for the benchmark: take the best remaining pair until nothing fits.

    Same validation, locks and reason codes as :func:`solve`; ties go to the
    smaller company id, then the smaller advisor id. Not optimal: it may match
    fewer companies, or reach a lower total.
    """
    prep = prepare(problem)
    free = prep.free_rows
    room, rows, cols, vals = prep.edges()
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
    return prep.result(matched, "greedy")
