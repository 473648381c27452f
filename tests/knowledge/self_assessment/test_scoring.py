"""Scoring: the statements cover the four roles, averages per role, ties."""

import pytest

from knowledge.self_assessment import scoring

pytestmark = pytest.mark.django_db


def test_there_are_about_eight_statements_covering_all_four_roles():
    statements = scoring.statements()
    assert 6 <= len(statements) <= 12
    assert {s["role"] for s in statements} == set(scoring.role_slugs())
    assert len(scoring.role_slugs()) == 4


def test_scoring_averages_per_role(answers_favouring):
    slugs = scoring.role_slugs()
    scores = scoring.score(answers_favouring(slugs[3]))
    by_role = {score.role_slug: score for score in scores}
    assert by_role[slugs[3]].average == 5.0 and by_role[slugs[3]].percent == 100
    assert by_role[slugs[0]].average == 1.0 and by_role[slugs[0]].percent == 0
    assert scoring.strongest(scores) == [slugs[3]]


def test_mixed_answers_give_the_mean_and_ties_are_all_strongest():
    slugs = scoring.role_slugs()
    answers = dict.fromkeys(range(len(scoring.statements())), 3)
    scores = scoring.score(answers)
    assert {score.average for score in scores} == {3.0}
    assert scoring.strongest(scores) == slugs


def test_incomplete_or_out_of_range_answers_are_refused():
    with pytest.raises(ValueError):
        scoring.score({0: 3})
    answers = dict.fromkeys(range(len(scoring.statements())), 3)
    answers[0] = 6
    with pytest.raises(ValueError):
        scoring.score(answers)
