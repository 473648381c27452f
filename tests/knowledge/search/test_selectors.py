"""Danish full-text search on PostgreSQL: inflections, ranking, highlighting."""

import pytest

from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services
from knowledge.search import selectors

pytestmark = pytest.mark.django_db


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


def test_search_vector_is_updated_when_a_page_is_republished(facilitator, make_page):
    page = make_page(slug="skift", title="Gammel titel", body="Intet særligt")
    assert selectors.search("forandring") == []
    content = editor_selectors.content_of(page) | {"body": "Stress under organisatorisk forandring"}
    services.page_publish(page=page, content=content, user=facilitator)
    assert _slugs(selectors.search("forandringer")) == ["skift"]


def test_a_very_common_word_still_gives_a_full_ranked_page(make_page, monkeypatch):
    # Only RANK_CANDIDATES matching pages are ranked; a word found in more pages
    # than that still fills the page of results, best ranked first, drafts excluded.
    monkeypatch.setattr(selectors, "RANK_CANDIDATES", 4)
    make_page(slug="kladde", title="Trivsel i kladden", body="Trivsel.", publish=False)
    make_page(slug="titel", title="Trivsel på arbejdspladsen", body="Om arbejdsmiljø.")
    for n in range(5):
        make_page(slug=f"tekst-{n}", title=f"Side {n}", body="Lidt om trivsel i teamet.")
    hits = selectors.search("trivsel", limit=3)
    assert len(hits) == 3
    assert "kladde" not in _slugs(hits)
    ranks = [hit.page.rank for hit in hits]
    assert ranks == sorted(ranks, reverse=True)
