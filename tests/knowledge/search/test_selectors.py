"""Danish full-text search on both databases: inflections, ranking, highlighting."""

import pytest

from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services
from knowledge.search import selectors

pytestmark = [pytest.mark.django_db, pytest.mark.both_backends]


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


def test_the_marks_are_on_the_words_as_the_page_writes_them(corpus):
    """Searching the inflected form marks the base form the page uses."""
    hit = selectors.search("sygefraværet")[0]
    assert "<mark>sygefravær</mark>" in hit.snippet


def test_a_phrase_matches_only_the_words_together(make_page):
    make_page(slug="sammen", title="Et", body="Et langt sygefravær kræver kontakt.")
    make_page(slug="adskilt", title="To", body="Sygefravær er sjældent langt.")
    assert _slugs(selectors.search('"langt sygefravær"')) == ["sammen"]
    assert set(_slugs(selectors.search("langt sygefravær"))) == {"sammen", "adskilt"}


def test_or_and_exclusion(corpus):
    assert set(_slugs(selectors.search("sygefravær or mødeplan"))) == {"fravaer", "andet"}
    assert _slugs(selectors.search("rådgiver -konsulent")) == ["raadgiver-tekst"]


def test_only_excluded_words_find_the_published_pages_without_them(corpus):
    """As on PostgreSQL (the embedded mode's FTS5 cannot say "every row without")."""
    assert set(_slugs(selectors.search("-konsulent"))) == {"fravaer", "raadgiver-tekst", "andet"}
    assert set(_slugs(selectors.search("-rådgivere -konsulent"))) == {"fravaer", "andet"}
    hits = selectors.search("mødeplan or -rådgiver")
    assert set(_slugs(hits)) == {"andet", "fravaer"}


@pytest.mark.parametrize(
    "query", ['"', "*", "OR", "-", "NOT", "AND", "NEAR(a b)", "title:x", "^x", "og i", "(("]
)
def test_search_syntax_and_stop_words_alone_find_nothing(corpus, query):
    assert selectors.search(query) == []


def test_an_unpublished_page_is_not_found(facilitator, corpus):
    services.page_unpublish(page=corpus["fravaer"], user=facilitator)
    assert selectors.search("sygefravær") == []


def test_a_deleted_page_leaves_the_index(corpus):
    corpus["fravaer"].delete()
    assert selectors.search("sygefravær") == []
