"""What the optimiser cannot do is reported, never raised; malformed input raises.

The validation, the lock policy and the reason codes of `matching.runs.problem`,
asked through `solve` (no database).
"""

from __future__ import annotations

import math

import pytest

from matching.runs.optimizer import greedy, solve
from matching.runs.problem import Problem
from tests.matching.runs.optimizer_checks import MODES

# --------------------------------------------------------------------------- #
# Infeasible input: reasons, never exceptions
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize("mode", MODES)
def test_no_advisors(mode):
    result = solve(Problem(["c1", "c2"], [], {}, {}), mode=mode)
    assert result.pairs == {}
    assert result.unmatched == {"c1": "no_allowed_advisor", "c2": "no_allowed_advisor"}
    assert (result.total, result.weakest, result.matched) == (0.0, None, 0)


@pytest.mark.parametrize("mode", MODES)
def test_no_companies(mode):
    result = solve(Problem([], ["a1"], {"a1": 3}, {}), mode=mode)
    assert (result.pairs, result.unmatched, result.total, result.weakest) == ({}, {}, 0.0, None)


@pytest.mark.parametrize("mode", MODES)
def test_zero_capacity(mode):
    problem = Problem(["c1"], ["a1", "a2"], {"a1": 0, "a2": 0}, {("c1", "a1"): 5.0})
    result = solve(problem, mode=mode)
    assert result.unmatched == {"c1": "no_capacity"}


@pytest.mark.parametrize("mode", MODES)
def test_everything_excluded(mode):
    cs, ads = ["c1", "c2"], ["a1", "a2"]
    problem = Problem(
        cs,
        ads,
        {"a1": 2, "a2": 2},
        {(c, a): 5.0 for c in cs for a in ads},
        excluded={(c, a) for c in cs for a in ads},
    )
    result = solve(problem, mode=mode)
    assert result.pairs == {}
    assert result.unmatched == {"c1": "no_allowed_advisor", "c2": "no_allowed_advisor"}


@pytest.mark.parametrize("mode", MODES)
def test_lock_on_an_excluded_pair_is_reported_not_dropped(mode):
    problem = Problem(
        ["c1", "c2"],
        ["a1", "a2"],
        {"a1": 1, "a2": 1},
        {("c1", "a1"): 5.0, ("c1", "a2"): 5.0, ("c2", "a1"): 5.0},
        excluded={("c1", "a1")},
        locked={"c1": "a1"},
    )
    result = solve(problem, mode=mode)
    assert result.unmatched == {"c1": "locked_excluded"}
    # The conflicting lock takes no capacity: c2 may have a1.
    assert result.pairs == {"c2": "a1"}


@pytest.mark.parametrize("mode", MODES)
def test_lock_on_an_unscored_pair_is_reported(mode):
    problem = Problem(["c1"], ["a1"], {"a1": 1}, {}, locked={"c1": "a1"})
    assert solve(problem, mode=mode).unmatched == {"c1": "locked_not_allowed"}


@pytest.mark.parametrize("mode", MODES)
def test_locks_beyond_capacity_keep_the_best_and_report_the_rest(mode):
    problem = Problem(
        ["c1", "c2", "c3", "c4"],
        ["a1", "a2"],
        {"a1": 1, "a2": 1},
        {("c1", "a1"): 3.0, ("c2", "a1"): 8.0, ("c3", "a1"): 8.0, ("c4", "a2"): 1.0},
        locked={"c1": "a1", "c2": "a1", "c3": "a1"},
    )
    result = solve(problem, mode=mode)
    # Highest score first, then the smallest company id.
    assert result.pairs == {"c2": "a1", "c4": "a2"}
    assert result.unmatched == {"c1": "locked_over_capacity", "c3": "locked_over_capacity"}


@pytest.mark.parametrize("mode", MODES)
def test_capacity_used_up_by_locks_is_no_capacity(mode):
    problem = Problem(
        ["c1", "c2"],
        ["a1"],
        {"a1": 1},
        {("c1", "a1"): 3.0, ("c2", "a1"): 9.0},
        locked={"c1": "a1"},
    )
    result = solve(problem, mode=mode)
    assert result.pairs == {"c1": "a1"}
    assert result.unmatched == {"c2": "no_capacity"}


def test_capacity_taken_by_others_in_the_optimum():
    problem = Problem(["c1", "c2"], ["a1"], {"a1": 1}, {("c1", "a1"): 3.0, ("c2", "a1"): 9.0})
    result = solve(problem)
    assert result.pairs == {"c2": "a1"}
    assert result.unmatched == {"c1": "capacity_taken"}


def test_scores_and_exclusions_for_unknown_ids_are_ignored():
    problem = Problem(
        ["c1"],
        ["a1"],
        {"a1": 1, "old": 3},
        {("c1", "a1"): 2.0, ("c1", "old"): 99.0, ("x", "a1"): 99.0},
        excluded={("x", "a1"), ("c1", "old")},
    )
    assert solve(problem).pairs == {"c1": "a1"}


def test_negative_and_fractional_scores():
    problem = Problem(
        ["c1", "c2"],
        ["a1"],
        {"a1": 2},
        {("c1", "a1"): -1.5, ("c2", "a1"): 0.25},
    )
    result = solve(problem)
    assert result.pairs == {"c1": "a1", "c2": "a1"}
    assert (result.total, result.weakest) == (-1.25, -1.5)


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        (Problem(["c1"], ["a1"], {}, {}), "no capacity given"),
        (Problem(["c1"], ["a1"], {"a1": -1}, {}), "int >= 0"),
        (Problem(["c1"], ["a1"], {"a1": 1.5}, {}), "int >= 0"),
        (Problem(["c1", "c1"], ["a1"], {"a1": 1}, {}), "duplicate company"),
        (Problem(["c1"], ["a1", "a1"], {"a1": 1}, {}), "duplicate advisor"),
        (Problem(["c1"], ["a1"], {"a1": 1}, {("c1", "a1"): math.nan}), "finite"),
        (Problem(["c1"], ["a1"], {"a1": 1}, {("c1", "a1"): math.inf}), "finite"),
        (Problem(["c1"], ["a1"], {"a1": 1}, {}, locked={"zz": "a1"}), "locked company"),
    ],
)
def test_malformed_input_raises_value_error(problem, message):
    with pytest.raises(ValueError, match=message):
        solve(problem)
    with pytest.raises(ValueError, match=message):
        greedy(problem)


def test_unknown_mode_raises():
    with pytest.raises(ValueError, match="mode"):
        solve(Problem([], [], {}, {}), mode="best")
