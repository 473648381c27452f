"""Read queries for the knowledge site, each a fixed number of SQL queries."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, F, Prefetch, Q, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from knowledge.models import Kind, Page, Section

MAX_QUERY_LENGTH = 200
# Rare control characters mark the matches in PostgreSQL's headline, so the
# snippet can be HTML-escaped as a whole before the marks become <mark>.
_START, _STOP = "\x02", "\x03"


def content_version() -> int:
    """Part of every public cache key; bumped on publish and unpublish."""
    return int(cache.get_or_set("knowledge:content-version", 1, timeout=None) or 1)


def _cached(name: str, *parts, compute, version: int | None = None):
    """Published content, cached until the next publish (the version is in the key).

    A warm public page then needs no SQL at all, only cache reads. Views read the
    version once and pass it here and to their template fragments, so a publish
    between two reads can never store old content under the new version.
    """
    version = content_version() if version is None else version
    key = ":".join(["knowledge", name, *map(str, parts), str(version)])
    value = cache.get(key)
    if value is None:
        value = compute()
        # "Not found" is not stored: random addresses must not fill the cache.
        if value is not None:
            cache.set(key, value, timeout=60 * 60)
    return value


def _published_related() -> Prefetch:
    return Prefetch(
        "related",
        queryset=Page.objects.published().order_by("kind", "order"),
        to_attr="published_related",
    )


def _published_referenced_by() -> Prefetch:
    return Prefetch(
        "referenced_by",
        queryset=Page.objects.published().order_by("order", "title"),
        to_attr="published_referenced_by",
    )


def page_for_reader(*, section: str, slug: str, user, version: int | None = None) -> Page | None:
    """A page with its cross-links; drafts only for people who may edit them."""
    pages = Page.objects.filter(section=section, slug=slug).prefetch_related(
        _published_related(), _published_referenced_by()
    )
    if user.has_perm("knowledge.view_drafts"):
        return pages.first()  # editors see drafts: never from the cache
    return _cached(
        "page", section, slug, compute=lambda: pages.published().first(), version=version
    )


def section_pages(section: str, *, version: int | None = None) -> list[Page]:
    """The published pages of a section (intro first), in order, in three queries."""

    def compute():
        return list(
            Page.objects.published()
            .filter(section=section)
            .order_by(Case(When(slug=section, then=Value(0)), default=Value(1)), "order", "title")
            .prefetch_related(_published_related(), _published_referenced_by())
        )

    return _cached("section", section, compute=compute, version=version)


def front_page_overview(*, version: int | None = None) -> dict:
    return _cached("front", compute=_front_page_overview, version=version)


def _front_page_overview() -> dict:
    pages = list(
        Page.objects.published()
        .filter(Q(section=Section.FRONT) | Q(slug__in=[s.value for s in Section]))
        .only(
            "slug",
            "section",
            "title",
            "summary",
            "body_html",
            "kind",
            "status",
            "title_en",
            "summary_en",
            "body_en",
            "body_html_en",
        )  # fmt: skip
    )
    by_slug = {page.slug: page for page in pages}
    return {
        "intro": by_slug.get(Section.FRONT.value),
        "section_intros": [by_slug.get(s.value) for s in Section if s != Section.FRONT],
    }


def pages_of_kind(pages: list[Page], kind: str) -> list[Page]:
    return [page for page in pages if page.kind == kind]


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


def search(raw_query: str, *, limit: int = 20) -> list[SearchHit]:
    """Published pages matching the words in any inflection, title hits first."""
    query_text = normalise_query(raw_query)
    if not query_text:
        return []
    if connection.vendor != "postgresql":
        return _search_contains(query_text, limit=limit)
    query = SearchQuery(query_text, config="danish", search_type="websearch")
    hits = (
        Page.objects.published()
        .filter(search_vector=query)
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


def _search_contains(query_text: str, *, limit: int) -> list[SearchHit]:
    """Embedded SQLite mode: a plain contains match, title hits first."""
    words = query_text.split()[:8]
    condition = Q()
    for word in words:
        condition &= (
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body_text__icontains=word)
        )
    pages = list(Page.objects.published().filter(condition)[: limit * 3])
    lowered = [w.lower() for w in words]
    pages.sort(key=lambda p: (not any(w in p.title.lower() for w in lowered), p.title))
    results = []
    for page in pages[:limit]:
        page.title_highlighted = escape(page.title)
        results.append(SearchHit(page=page, snippet=escape(page.summary or page.body_text[:200])))
    return results


def editor_pages() -> QuerySet[Page]:
    return Page.objects.order_by("section", "order", "title").only(
        "pk", "section", "slug", "title", "status", "kind", "order", "has_unpublished_changes",
        "updated_at", "published_at",
    )  # fmt: skip


def sitemap_pages() -> QuerySet[Page]:
    return Page.objects.published().exclude(section=Section.FRONT).order_by("section", "order")


def case_pages_for(page: Page) -> list[Page]:
    return [p for p in getattr(page, "published_referenced_by", []) if p.kind == Kind.CASE]
