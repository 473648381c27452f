"""`phrases.required_pairs`: the adjacent pairs every page matching a tsquery (as
PostgreSQL writes it) holds, so only those pages are checked for the phrase."""

import itertools

import pytest

from knowledge.search.phrases import MAX_ALTERNATIVES, required_pairs


@pytest.mark.parametrize(
    ("tsquery", "pairs"),
    [
        ("'stres' <-> 'arbejd'", [{"stres arbejd"}]),
        ("'a' <-> 'b' <-> 'c'", [{"a b", "b c"}]),
        ("'a' <-> 'b' & 'c' <-> 'd' & 'e'", [{"a b", "c d"}]),
        ("'a' <-> 'b' | 'c' <-> 'd'", [{"a b"}, {"c d"}]),
        ("( 'a' | 'b' ) & 'c' <-> 'd'", [{"c d"}]),
        # A stop word inside the phrase: <2> says nothing about the words between.
        ("'a' <-> 'b' <2> 'c' <-> 'd'", [{"a b", "c d"}]),
        # A hyphenated word is a phrase of its parts (to_tsvector numbers them so).
        ("'e-mail' <-> 'e' <-> 'mail'", [{"e-mail e", "e mail"}]),
        ("'it''s' <-> 'c\\\\d'", [{"it's c\\d"}]),
    ],
)
def test_the_pairs_of_the_phrases(tsquery, pairs):
    assert required_pairs(tsquery) == [frozenset(p) for p in pairs]


@pytest.mark.parametrize(
    "tsquery",
    [
        "",
        "'stres'",
        "'stres' & 'arbejd'",
        "'tilbag' <2> 'arbejd'",
        # Pages matching the other branch, or lacking the phrase, need no pair.
        "'a' <-> 'b' | 'c'",
        "!( 'a' <-> 'b' ) & 'x'",
        "!'a' <-> 'b'",
        # Prefix and weight-limited operands are not one exact lexeme.
        "'a':* <-> 'b'",
        "'a' <-> 'b':AB",
        # What a parenthesis starts or ends on is not followed.
        "'a' <-> ( 'b' | 'c' )",
        # Not a tsquery PostgreSQL writes: no condition rather than an error.
        "'a' <-> ",
        "( 'a' <-> 'b'",
        "'a' 'b'",
        "a <-> b",
    ],
)
def test_no_pair_is_required(tsquery):
    assert required_pairs(tsquery) is None


def test_inner_phrases_of_a_parenthesis_still_count():
    assert required_pairs("'x' & ( 'a' <-> 'b' | 'c' <-> 'd' )") == [
        frozenset({"a b"}),
        frozenset({"c d"}),
    ]


def test_an_and_of_many_ors_keeps_one_side_rather_than_multiplying_out():
    branch = "( 'a{n}' <-> 'b{n}' | 'c{n}' <-> 'd{n}' )"
    tsquery = " & ".join(branch.format(n=n) for n in range(5))
    alternatives = required_pairs(tsquery)
    assert alternatives is not None
    assert 0 < len(alternatives) <= MAX_ALTERNATIVES
    # Whichever phrase of each branch a page has, it meets one of the alternatives.
    for choice in itertools.product("ac", repeat=5):
        page = {(f"a{n} b{n}" if c == "a" else f"c{n} d{n}") for n, c in enumerate(choice)}
        assert any(pairs <= page for pairs in alternatives)
