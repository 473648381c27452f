"""Danish full-text search on PostgreSQL: inflections, ranking, highlighting."""

import pytest
from django.urls import reverse

from knowledge import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_page):
    return {
        "fravaer": make_page(
            slug="fravaer",
            title="Når en medarbejder er væk",
            body="Et langt sygefravær kræver tidlig og støttende kontakt.",
        ),
        "raadgiver_title": make_page(
            slug="raadgiver-titel",
            title="Rådgiver i små virksomheder",
            body="Om samarbejdet mellem virksomhed og konsulent.",
        ),
        "raadgiver_body": make_page(
            slug="raadgiver-tekst",
            title="Samarbejde om trivsel",
            body="Her møder ejerlederen en rådgiver fra en rådgiverenhed.",
        ),
        "unrelated": make_page(
            slug="andet", title="Mødeplan", body="Frokost og kaffe klokken tolv."
        ),
        "draft": make_page(
            slug="kladde",
            title="Kladde om sygefravær",
            body="Sygefravær i en kladde",
            publish=False,
        ),
    }


def _slugs(hits):
    return [hit.page.slug for hit in hits]


def test_an_inflected_form_finds_the_base_form(corpus):
    assert _slugs(selectors.search("sygefraværet")) == ["fravaer"]


def test_plural_finds_singular(corpus):
    assert set(_slugs(selectors.search("rådgivere"))) == {"raadgiver-titel", "raadgiver-tekst"}


def test_title_hits_rank_above_body_hits(corpus):
    assert _slugs(selectors.search("rådgiver"))[0] == "raadgiver-titel"


def test_drafts_are_never_found(corpus):
    assert "kladde" not in _slugs(selectors.search("sygefravær"))


def test_matches_are_highlighted_and_the_rest_is_escaped(make_page):
    make_page(slug="x", title="Stress", body="Om stress & <b>fed</b> tekst om stress i teamet.")
    hit = selectors.search("stress")[0]
    assert "<mark>stress</mark>" in hit.snippet.lower()
    assert "<b>" not in hit.snippet  # the body text is escaped, only <mark> is HTML
    assert "<mark>Stress</mark>" in hit.page.title_highlighted


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 5000, "!!! ' \" ) ( & | <> :* \\", "DROP TABLE; --", "sygefravær" * 300],
)
def test_odd_queries_never_fail(client, corpus, query):
    response = client.get(reverse("knowledge:search"), {"q": query})
    assert response.status_code == 200


def test_search_page_shows_highlighted_results(client, corpus):
    response = client.get(reverse("knowledge:search"), {"q": "sygefraværet"})
    assert response.status_code == 200
    assert "<mark>" in response.text
    assert corpus["fravaer"].get_absolute_url() in response.text


def test_empty_query_explains_what_to_do(client, corpus):
    response = client.get(reverse("knowledge:search"))
    assert response.context["hits"] == []
    assert 'name="q"' in response.text


def test_very_long_query_is_shortened(client, corpus):
    response = client.get(reverse("knowledge:search"), {"q": "sygefravær " * 100})
    assert len(response.context["query"]) <= selectors.MAX_QUERY_LENGTH
    assert response.context["too_long"] is True


def test_search_vector_is_updated_when_a_page_is_republished(facilitator, make_page):
    from knowledge import services

    page = make_page(slug="skift", title="Gammel titel", body="Intet særligt")
    assert selectors.search("forandring") == []
    content = services.content_of(page) | {"body": "Stress under organisatorisk forandring"}
    services.page_publish(page=page, content=content, user=facilitator)
    assert _slugs(selectors.search("forandringer")) == ["skift"]


def test_control_characters_in_the_query_are_ignored(client, corpus):
    response = client.get(reverse("knowledge:search"), {"q": "sygefravær\x00\x07"})
    assert response.status_code == 200
    assert [hit.page.slug for hit in response.context["hits"]] == ["fravaer"]
