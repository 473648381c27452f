"""Why a pair was matched, split at the source: the pair (the company's people and the
advisor) is shown the strengths only, on the case page and in the e-mail; the
facilitator's run page shows the weak points too. Scores say their scale."""

from html import escape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from bifrost.core.models import OutboxEmail
from matching.models import Case, MatchWeights
from matching.runs import scoring, services
from matching.runs.scoring import AdvisorFacts, CompanyFacts
from tests.matching.builders import SM, add_advisor, add_company

ALL = {"challenge": 1, "industry": 1, "region_format": 1, "role": 1}


def test_reasons_are_split_into_strengths_and_weak_points(english):
    company = CompanyFacts(
        challenges=(SM,), industry="media", region="hovedstaden", meeting_format="on_site"
    )
    advisor = AdvisorFacts(
        competences={SM: "strong"}, industries=(), regions=("hovedstaden",), role_scores={}
    )
    found = scoring.reasons(scoring.score(company, advisor, ALL).breakdown)
    assert found.strengths == [
        "Strong competence in stress management, the company's most important challenge",
        "Works in Capital Region of Denmark, where the company is",
    ]
    assert found.weak_points == [
        "Has not worked with companies in media",
        "The company has no preferred kind of advisor relation",
    ]
    assert scoring.strengths(scoring.score(company, advisor, ALL).breakdown) == found.strengths


def test_a_low_role_percentage_is_a_weak_point_and_a_high_one_a_strength(english):
    company = CompanyFacts(preferred_role="betroet-raadgiver")
    weights = {"challenge": 0, "industry": 0, "region_format": 0, "role": 1}
    low = scoring.reasons(
        scoring.score(
            company, AdvisorFacts(role_scores={"betroet-raadgiver": 20}), weights
        ).breakdown
    )
    high = scoring.reasons(
        scoring.score(
            company, AdvisorFacts(role_scores={"betroet-raadgiver": 80}), weights
        ).breakdown
    )
    assert low.strengths == [] and len(low.weak_points) == 1
    assert high.weak_points == [] and len(high.strengths) == 1


def test_score_says_its_scale(english):
    assert scoring.score_text(91) == "91 of 100"


@pytest.fixture
def mixed_pair(programme, facilitator):
    """A run whose one pair has strengths (challenge) and weak points (industry, role)."""
    MatchWeights.objects.update_or_create(programme=programme, defaults=ALL)
    company, owner = add_company(programme, "Avisen", challenges=[SM])
    advisor, _unit = add_advisor(programme, "Xenia", competences={SM: "strong"})
    run = services.match_run_create(programme=programme, mode="max_total", by=facilitator)
    pair = run.pairs.get()
    with translation.override(settings.LANGUAGE_CODE):
        reasons_da = scoring.reasons(pair.breakdown)
    with translation.override("en"):
        reasons_en = scoring.reasons(pair.breakdown)
    assert reasons_da.strengths and reasons_da.weak_points
    return {
        "run": run,
        "pair": pair,
        "owner": owner,
        "advisor": advisor,
        "da": reasons_da,
        "en": reasons_en,
    }


def test_the_pairs_emails_list_strengths_only(
    mixed_pair, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.match_run_confirm(run=mixed_pair["run"], by=facilitator)
    emails = list(OutboxEmail.objects.all())
    assert {tuple(e.to) for e in emails} == {
        (mixed_pair["owner"].email,),
        (mixed_pair["advisor"].email,),
    }
    with translation.override(settings.LANGUAGE_CODE):
        score = scoring.score_text(mixed_pair["pair"].score)
    for email in emails:
        assert all(line in email.body for line in mixed_pair["da"].strengths)
        assert not any(line in email.body for line in mixed_pair["da"].weak_points)
        assert score in email.body


def test_the_pairs_case_page_shows_strengths_only(
    client, english, mixed_pair, facilitator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.match_run_confirm(run=mixed_pair["run"], by=facilitator)
    case = Case.objects.get()
    for person in (mixed_pair["owner"], mixed_pair["advisor"]):
        client.force_login(person)
        page = client.get(reverse("matching:case_detail", args=[case.pk])).content.decode()
        assert "Why this match" in page
        assert f"{mixed_pair['pair'].score} of 100" in page
        assert all(escape(line) in page for line in mixed_pair["en"].strengths)
        assert not any(escape(line) in page for line in mixed_pair["en"].weak_points)


def test_the_facilitators_run_page_shows_the_weak_points_too(
    client, english, mixed_pair, facilitator
):
    client.force_login(facilitator)
    page = client.get(reverse("matching:run", args=[mixed_pair["run"].pk])).content.decode()
    assert all(escape(line) in page for line in mixed_pair["en"].strengths)
    assert all(escape(line) in page for line in mixed_pair["en"].weak_points)
    assert f"{mixed_pair['pair'].score} of 100" in page
