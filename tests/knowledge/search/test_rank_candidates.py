"""PostgreSQL ranks at most RANK_CANDIDATES matching pages (SQLite's bm25 has no such
cap): a word found in more pages still fills a page of results, best ranked first."""

import pytest

from knowledge.search import selectors

pytestmark = pytest.mark.django_db


def _slugs(hits):
    return [hit.page.slug for hit in hits]


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
