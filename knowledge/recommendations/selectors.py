"""Reads of the recommendations section: its intro, the filter choices and the
filtered list (a fixed number of queries whatever the number of pages)."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from knowledge.models import Kind, Page, Section

SECTION = Section.RECOMMENDATIONS
LISTED_KINDS = (Kind.RECOMMENDATION, Kind.PRINCIPLE, Kind.TOOL)


def section_intro() -> Page | None:
    return Page.objects.published().filter(section=SECTION, slug=SECTION.value).first()


def seven_principles() -> QuerySet[Page]:
    """The seven principles for preventing sick leave (the filter's first choice)."""
    return (
        Page.objects.published()
        .filter(kind=Kind.PRINCIPLE, section=Section.PREVENTION)
        .order_by("order", "title")
    )


def three_phases() -> QuerySet[Page]:
    return Page.objects.published().filter(kind=Kind.PHASE).order_by("order", "title")


def practice_pages(
    *, principle: Page | None = None, phase: Page | None = None, kind: str = ""
) -> QuerySet[Page]:
    """The section's published recommendations, then principles, then tools (each in
    its order), with their provenance and the principles and phases they relate to,
    optionally filtered."""
    pages = (
        Page.objects.published()
        .filter(section=SECTION, kind__in=LISTED_KINDS)
        .exclude(slug=SECTION.value)
        .select_related("provenance")
        .prefetch_related(
            Prefetch(
                "related",
                queryset=Page.objects.published()
                .filter(
                    kind__in=(Kind.PRINCIPLE, Kind.PHASE),
                    section__in=(Section.PREVENTION, Section.PHASES),
                )
                .order_by("kind", "order"),
                to_attr="published_anchors",
            )
        )
        .annotate(
            kind_rank=Case(
                *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(LISTED_KINDS)),
                output_field=IntegerField(),
            )
        )
        .order_by("kind_rank", "order", "title", "pk")
    )
    if kind:
        pages = pages.filter(kind=kind)
    if principle is not None:
        pages = pages.filter(related=principle)
    if phase is not None:
        pages = pages.filter(related=phase)
    return pages
