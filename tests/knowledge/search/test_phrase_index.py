"""PostgreSQL: a phrase is checked only on the pages whose adjacent-pair index
(migration 0006) has its pairs, and finds exactly the pages the plain tsquery
finds: words together in any inflection, not the same words apart."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import Q

from knowledge.editor import selectors as editor_selectors
from knowledge.editor import services
from knowledge.models import Page
from knowledge.search import selectors

pytestmark = pytest.mark.django_db

PAIRS_INDEX = "knowledge_page_search_pairs_gin"

QUERIES = [
    '"stress arbejde"',
    '"stressen arbejdet"',  # inflections of both words
    '"arbejde stress"',  # the other order
    '"tilbage til arbejde"',  # a stop word inside: <2>, no pair needed
    '"lang sygefravær kontakt"',
    '"stress arbejde" or mødeplan',
    '"stress arbejde" -kaffe',
    '-"stress arbejde" kaffe',
    '"stress arbejde" "tilbage til arbejde"',
    "e-mail",  # a hyphenated word is a phrase of its parts
    "stress arbejde",  # no phrase at all
    '"kvantecomputer stress"',
]


@pytest.fixture
def pages(make_page):
    made = [
        ("together", "Om trivsel", "Stress arbejde hver dag, med kaffe."),
        ("inflected", "Om stressen", "Stressen arbejdet tog, blev for stor."),
        ("apart", "Stress", "Når arbejde bliver tungt, kommer stress ofte bagefter."),
        ("reversed", "Arbejde", "Meget arbejde stress i teamet."),
        ("across-fields", "Om stress", "Arbejde og trivsel hænger sammen."),
        ("back", "Tilbage til arbejde", "Efter et langt sygefravær kontakt til lederen."),
        ("back-other", "Tilbage", "Tilbage efter arbejde, langt sygefravær, kontakt."),
        ("meeting", "Mødeplan", "Frokost og kaffe klokken tolv. Skriv en e-mail."),
        ("mail-apart", "Post", "En e og en mail."),
    ]
    result = {slug: make_page(slug=slug, title=title, body=body) for slug, title, body in made}
    make_page(slug="draft", title="Kladde", body="Stress arbejde i kladden.", publish=False)
    return result


def _found(query: str) -> set[str]:
    return {hit.page.slug for hit in selectors.search(query, limit=100)}


def _plain_tsquery(query: str) -> set[str]:
    """What the stored vector alone matches, without the pairs' index."""
    ts_query = SearchQuery(
        selectors.normalise_query(query), config="danish", search_type="websearch"
    )
    matches = Page.objects.published().filter(search_vector=ts_query)
    return set(matches.values_list("slug", flat=True))


@pytest.mark.parametrize("query", QUERIES)
def test_a_phrase_finds_exactly_what_the_plain_tsquery_finds(pages, query):
    assert _found(query) == _plain_tsquery(query)


def test_the_phrase_needs_the_words_together(pages):
    # The title ends on "stress" and the summary is empty: the body's first word
    # follows it in the vector, so a phrase crosses the fields (as it always has).
    assert _found('"stress arbejde"') == {"together", "inflected", "across-fields"}
    assert _found('"arbejde stress"') == {"reversed"}


def test_the_pairs_follow_the_page_when_it_is_republished(pages, facilitator):
    page = pages["apart"]
    assert "apart" not in _found('"tungt stress"')
    content = editor_selectors.content_of(page) | {"body": "Et tungt stress i foråret."}
    services.page_publish(page=page, content=content, user=facilitator)
    assert "apart" in _found('"tungt stress"')
    assert "apart" not in _found('"arbejde bliver"')


def test_a_deleted_page_leaves_the_pairs_index(pages):
    pages["together"].delete()
    assert _found('"stress arbejde"') == {"inflected", "across-fields"}


def _plan(queryset) -> str:
    # Sequential and plain index scans off: in a tiny table only an index that
    # serves the condition is then a way to answer it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        return queryset.explain()


def test_the_search_asks_for_the_pairs_as_the_index_is_built(pages):
    # The selector's expression must be the index's, or PostgreSQL cannot use it.
    queryset = Page.objects.alias(search_pairs=selectors.SEARCH_PAIRS).filter(
        selectors.phrase_pairs('"stress arbejde"')
    )
    assert f"Bitmap Index Scan on {PAIRS_INDEX}" in _plan(queryset)


def test_a_query_without_a_phrase_needs_no_pairs():
    assert selectors.phrase_pairs("stress arbejde") == Q()
    assert selectors.phrase_pairs('"tilbage til arbejde"') == Q()
