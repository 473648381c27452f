from knowledge.models import Kind, Page


def advisor_roles_by_slug() -> dict[str, Page]:
    """The published advisor-role pages, by slug (the profile links to them)."""
    roles = Page.objects.published().filter(kind=Kind.ADVISOR_ROLE).order_by("order")
    return {page.slug: page for page in roles}
