"""The Danish search over published pages: words match in any inflection, title
hits rank first, and matches are highlighted in an HTML-escaped snippet.

One interface, `search`, on either database: PostgreSQL's `danish` configuration
over the stored vector, or in the embedded SQLite mode the FTS5 index of the same
Danish lexemes (`index`). The query syntax is the same (websearch: words,
"phrases", or, -word), and no input is an error."""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Func, Q, TextField
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from bifrost.core.search import danish
from knowledge.models import Page
from knowledge.search import phrases
from knowledge.search.index import PAGE_FTS, PAGE_FTS_WEIGHTS

MAX_QUERY_LENGTH = 200
# At most this many matching pages are ranked: ranking reads every candidate's
# vector, so a word found in most of 100,000 pages would otherwise rank them all.
# A query with fewer matches (nearly every real one) is ranked exactly; for a
# more common one the candidates are the first matches the GIN index (or the
# scan) finds, in the table's physical order.
RANK_CANDIDATES = 500
# Rare control characters mark the matches in PostgreSQL's headline, so the
# snippet can be HTML-escaped as a whole before the marks become <mark>.
_START, _STOP = "\x02", "\x03"
# The expression the pairs' GIN index is built on (migration 0006), written the
# same way so that PostgreSQL uses the index.
SEARCH_PAIRS = Func(
    F("search_vector"), function="knowledge_search_pairs", output_field=ArrayField(TextField())
)


@dataclass
class SearchHit:
    page: Page
    snippet: SafeString


def normalise_query(raw: str | None) -> str:
    # Control characters (e.g. NUL, which PostgreSQL refuses) are never search words.
    cleaned = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


def _highlight(headline: str) -> SafeString:
    safe = escape(headline)
    return mark_safe(safe.replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308


def phrase_pairs(query_text: str) -> Q:
    """The pairs of adjacent lexemes the query's phrases need (`phrases`), as a
    filter on the pairs' GIN index (migration 0006); an empty Q when none are.
    Without a quote there is no phrase to narrow (a hyphenated word is one, but it is
    rare and still checked exactly), so the round trip is spared."""
    if '"' not in query_text:
        return Q()
    with connection.cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery('danish', %s)::text", [query_text])
        (tsquery_text,) = cursor.fetchone()
    alternatives = phrases.required_pairs(tsquery_text)
    if alternatives is None:
        return Q()
    return reduce(operator.or_, (Q(search_pairs__contains=sorted(pairs)) for pairs in alternatives))


def search(raw_query: str, *, limit: int = 20) -> list[SearchHit]:
    """Published pages matching the words in any inflection, title hits first."""
    query_text = normalise_query(raw_query)
    if not query_text:
        return []
    if connection.vendor != "postgresql":
        return _search_sqlite(query_text, limit=limit)
    query = SearchQuery(query_text, config="danish", search_type="websearch")
    # No ORDER BY in the candidates (the model's ordering would make PostgreSQL
    # fetch and sort every match first): the scan stops at RANK_CANDIDATES. A
    # phrase is checked only on the pages that have its pairs (`phrases`).
    candidates = (
        Page.objects.published()
        .alias(search_pairs=SEARCH_PAIRS)
        .filter(phrase_pairs(query_text), search_vector=query)
        .order_by()
        .values("pk")[:RANK_CANDIDATES]
    )
    # The headlines are computed for the returned rows only (PostgreSQL evaluates
    # them above the sort and LIMIT); the vector itself is never shown.
    hits = (
        Page.objects.published()
        .filter(pk__in=candidates)
        .defer("search_vector")
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            snippet=SearchHeadline(
                "body_text",
                query,
                config="danish",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
            title_snippet=SearchHeadline(
                "title", query, config="danish", start_sel=_START, stop_sel=_STOP,
                highlight_all=True,
            ),
        )
        .order_by("-rank", "title")[:limit]
    )  # fmt: skip
    results = []
    for page in hits:
        page.title_highlighted = _highlight(page.title_snippet)
        results.append(SearchHit(page=page, snippet=_highlight(page.snippet)))
    return results


def _search_sqlite(query_text: str, *, limit: int) -> list[SearchHit]:
    """Embedded SQLite mode: the FTS5 index of Danish lexemes (`index.PAGE_FTS`),
    the query stemmed the same way, ranked by bm25 with the A–C weights, title
    hits first; the marks are put on the words as the page writes them. A group of
    only excluded words finds the pages without them, as on PostgreSQL."""
    query = danish.parse_query(query_text)
    groups = query.fts5_groups()
    if not groups:
        return []
    match = query.fts5()
    scores = PAGE_FTS.ranked(match, weights=PAGE_FTS_WEIGHTS) if match else {}
    published = Page.objects.published()
    pages = list(published.filter(pk__in=list(scores)))
    pages.sort(key=lambda page: (scores[page.pk], page.title))
    without = [group for group in groups if group[1]]
    if without and len(pages) < limit:
        # The pages without the excluded words have no score: after the ranked ones,
        # by title (PostgreSQL ranks them all alike).
        pages += (
            published.filter(PAGE_FTS.matching(without))
            .exclude(pk__in=[page.pk for page in pages])
            .order_by("title")[: limit - len(pages)]
        )
    wanted = query.lexemes
    results = []
    for page in pages[:limit]:
        page.title_highlighted = danish.highlight(page.title, wanted)
        snippet = danish.headline(page.body_text, wanted)
        results.append(SearchHit(page=page, snippet=snippet))
    return results
