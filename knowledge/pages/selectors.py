"""What readers see, each read a fixed number of SQL queries and cached until the
next publish (`cache.cached`)."""

from django.db.models import Case, Prefetch, Q, QuerySet, Value, When

from knowledge.models import Kind, Page, Section
from knowledge.pages.cache import cached


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
    pages = (
        Page.objects.filter(section=section, slug=slug)
        .select_related("provenance", "approval")
        .prefetch_related(_published_related(), _published_referenced_by())
    )
    if user.has_perm("knowledge.view_drafts"):
        return pages.first()  # editors see drafts: never from the cache
    return cached("page", section, slug, compute=lambda: pages.published().first(), version=version)


def section_pages(section: str, *, version: int | None = None) -> list[Page]:
    """The published pages of a section (intro first), in order, in three queries."""

    def compute():
        return list(
            Page.objects.published()
            .filter(section=section)
            .order_by(Case(When(slug=section, then=Value(0)), default=Value(1)), "order", "title")
            .prefetch_related(_published_related(), _published_referenced_by())
        )

    return cached("section", section, compute=compute, version=version)


def front_page_overview(*, version: int | None = None) -> dict:
    return cached("front", compute=_front_page_overview, version=version)


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


def case_pages_for(page: Page) -> list[Page]:
    return [p for p in getattr(page, "published_referenced_by", []) if p.kind == Kind.CASE]


def sitemap_pages() -> QuerySet[Page]:
    return Page.objects.published().exclude(section=Section.FRONT).order_by("section", "order")
