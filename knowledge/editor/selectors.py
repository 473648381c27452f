"""What editors read: the page list, a page's content as a revision holds it, and
its revisions."""

from django.db.models import Q, QuerySet

from knowledge.models import Kind, Page, PageRevision, Provenance

# The content a revision holds; everything else on a page is bookkeeping.
CONTENT_KEYS = (
    "section", "kind", "slug", "order", "title", "summary", "body", "fields", "related",
    "title_en", "summary_en", "body_en",
)  # fmt: skip
OPTIONAL_KEYS = {"title_en": "", "summary_en": "", "body_en": ""}


def content_of(page: Page) -> dict:
    """The page's live content, in the shape a revision stores it."""
    return {
        "section": page.section,
        "kind": page.kind,
        "slug": page.slug,
        "order": page.order,
        "title": page.title,
        "summary": page.summary,
        "body": page.body,
        "fields": page.fields or {},
        "title_en": page.title_en,
        "summary_en": page.summary_en,
        "body_en": page.body_en,
        "related": sorted(page.related.values_list("pk", flat=True)) if page.pk else [],
    }


def newest_content(page: Page) -> dict:
    """What the editor continues from: the newest revision, else the live content."""
    latest = page.revisions.first()
    return latest.content if latest else content_of(page)


def editor_pages() -> QuerySet[Page]:
    return Page.objects.order_by("section", "order", "title").only(
        "pk", "section", "slug", "title", "status", "kind", "order", "has_unpublished_changes",
        "updated_at", "published_at",
    )  # fmt: skip


def page_revisions(page: Page) -> QuerySet[PageRevision]:
    return page.revisions.select_related("created_by")


def existing_page_pks(pks: list[int]) -> list[int]:
    """The pages of `pks` that still exist (related pages may be deleted meanwhile)."""
    return list(Page.objects.filter(pk__in=pks).values_list("pk", flat=True))


def relatable_pages(*, other_than: Page | None = None) -> QuerySet[Page]:
    """What a page may link to as related: every structured page but itself."""
    pages = Page.objects.exclude(kind=Kind.ARTICLE).order_by("kind", "order")
    if other_than is not None and other_than.pk:
        pages = pages.exclude(pk=other_than.pk)
    return pages


def provenance_of(page: Page) -> Provenance | None:
    """Where the page came from, when it was drafted from a programme."""
    return Provenance.objects.filter(page=page).first()


def published_among(pages: QuerySet[Page] | list[Page]) -> list[Page]:
    """Of the chosen related pages, those a reader would see linked (the published)."""
    pks = [page.pk for page in pages]
    return list(Page.objects.published().filter(pk__in=pks).order_by("kind", "order"))


def published_cases_linking(page: Page | None) -> list[Page]:
    """The published case pages that point at `page` ("Cases that show this")."""
    if page is None or not page.pk:
        return []
    return list(
        Page.objects.published().filter(kind=Kind.CASE, related=page).order_by("order", "title")
    )


def previous_revision(revision: PageRevision) -> PageRevision | None:
    """The version of the same page saved just before `revision`."""
    return (
        PageRevision.objects.filter(page_id=revision.page_id)
        .filter(
            Q(created_at__lt=revision.created_at)
            | Q(created_at=revision.created_at, pk__lt=revision.pk)
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def page_titles(pks) -> dict[int, str]:
    """Titles of the pages among `pks` that still exist, in one query."""
    return dict(Page.objects.filter(pk__in=list(pks)).values_list("pk", "title"))
