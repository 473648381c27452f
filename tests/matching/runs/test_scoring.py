"""Pair scores: each criterion's fit, the weighted score, the breakdown and the "why"."""

import pytest
from django.utils import translation

from matching.runs import scoring
from matching.runs.scoring import AdvisorFacts, CompanyFacts

ALL = {"challenge": 1, "industry": 1, "region_format": 1, "role": 1}


def company(**kwargs) -> CompanyFacts:
    defaults = {
        "challenges": ("stresshaandtering", "ledersparring"),
        "industry": "media",
        "region": "hovedstaden",
        "meeting_format": "on_site",
        "preferred_role": "betroet-raadgiver",
    }
    return CompanyFacts(**{**defaults, **kwargs})


def advisor(**kwargs) -> AdvisorFacts:
    defaults = {
        "competences": {"stresshaandtering": "strong", "ledersparring": "none"},
        "industries": ("media",),
        "regions": ("hovedstaden",),
        "meeting_format": "either",
        "role_scores": {"betroet-raadgiver": 80},
    }
    return AdvisorFacts(**{**defaults, **kwargs})


def test_challenge_fit_weights_ranks():
    """With two ranked challenges the first counts 2, the second 1."""
    fit, facts = scoring.challenge_fit(company(), advisor())
    assert fit == pytest.approx(2 / 3)
    assert facts["top"] == "stresshaandtering"
    assert facts["top_competence"] == "strong"
    fit, _ = scoring.challenge_fit(
        company(), advisor(competences={"stresshaandtering": "some", "ledersparring": "strong"})
    )
    assert fit == pytest.approx((2 * 0.5 + 1) / 3)


def test_no_ranked_challenge_is_neutral():
    fit, _ = scoring.challenge_fit(company(challenges=()), advisor())
    assert fit == 0.5


def test_industry_fit():
    assert scoring.industry_fit(company(), advisor())[0] == 1
    assert scoring.industry_fit(company(industry="finance"), advisor())[0] == 0


@pytest.mark.parametrize(
    ("company_format", "advisor_format", "regions", "fit", "case"),
    [
        ("on_site", "video", ("hovedstaden",), 0, "format_clash"),
        ("video", "on_site", (), 0, "format_clash"),
        ("video", "either", (), 1, "video"),
        ("either", "video", (), 1, "video"),
        ("on_site", "either", ("hovedstaden",), 1, "region_covered"),
        ("on_site", "on_site", ("sjaelland",), 0, "region_not_covered"),
        ("either", "either", ("sjaelland",), 0.5, "region_not_covered_video"),
        ("either", "either", ("hovedstaden",), 1, "region_covered"),
    ],
)
def test_region_format_fit(company_format, advisor_format, regions, fit, case):
    """Video on both sides makes the region irrelevant; a format clash gives 0."""
    result, facts = scoring.region_format_fit(
        company(meeting_format=company_format),
        advisor(meeting_format=advisor_format, regions=regions),
    )
    assert result == fit
    assert facts["case"] == case


def test_role_fit_uses_percentage_or_neutral():
    assert scoring.role_fit(company(), advisor())[0] == pytest.approx(0.8)
    assert scoring.role_fit(company(preferred_role=""), advisor())[0] == 0.5
    assert scoring.role_fit(company(preferred_role="eksperten"), advisor())[0] == 0


def test_score_is_weighted_average_0_to_100():
    result = scoring.score(company(), advisor(), ALL)
    # fits: 2/3, 1, 1, 0.8 -> mean 0.8667
    assert result.score == 87
    assert set(result.breakdown) == set(scoring.CRITERIA)
    challenge = result.breakdown["challenge"]
    assert challenge["weight"] == 1
    assert challenge["max"] == 25.0
    assert challenge["points"] == pytest.approx(16.7)
    assert sum(item["points"] for item in result.breakdown.values()) == pytest.approx(
        result.score, abs=0.5
    )


def test_weights_change_the_score():
    only_industry = {"challenge": 0, "industry": 10, "region_format": 0, "role": 0}
    assert scoring.score(company(), advisor(), only_industry).score == 100
    assert scoring.score(company(industry="finance"), advisor(), only_industry).score == 0
    only_role = {"challenge": 0, "industry": 0, "region_format": 0, "role": 3}
    assert scoring.score(company(), advisor(), only_role).score == 80


def test_perfect_and_zero_scores():
    perfect = advisor(
        competences={"stresshaandtering": "strong", "ledersparring": "strong"},
        role_scores={"betroet-raadgiver": 100},
    )
    assert scoring.score(company(), perfect, ALL).score == 100
    nothing = advisor(
        competences={}, industries=(), regions=(), meeting_format="video", role_scores={}
    )
    assert scoring.score(company(), nothing, ALL).score == 0


def test_all_zero_weights_are_refused():
    with pytest.raises(ValueError):
        scoring.score(company(), advisor(), {"challenge": 0, "industry": 0, "region_format": 0})


def test_explanation_in_plain_words(english):
    result = scoring.score(company(), advisor(), ALL)
    lines = scoring.explain(result.breakdown)
    assert lines[0] == (
        "Strong competence in stress management, the company's most important challenge"
    )
    assert "Has worked with companies in media" in lines
    assert "Works in Capital Region of Denmark, where the company is" in lines
    assert "80% match with the role the company prefers: the trusted advisor" in lines


def test_explanation_mentions_gaps_and_skips_zero_weights(english):
    weak = advisor(competences={}, industries=(), meeting_format="video")
    weights = {"challenge": 1, "industry": 1, "region_format": 1, "role": 0}
    lines = scoring.explain(scoring.score(company(), weak, weights).breakdown)
    assert lines[0].startswith("No stated competence in stress management")
    assert "Has not worked with companies in media" in lines
    assert "One side wants to meet on site, the other only by video" in lines
    assert not any("role" in line for line in lines)


def test_explanation_is_translated():
    result = scoring.score(company(), advisor(), ALL)
    with translation.override("en"):
        english = scoring.why(result.breakdown)
    with translation.override("da"):
        danish = scoring.why(result.breakdown)
    assert english
    assert danish  # same facts, rendered in the active language (catalogue may lag)
