import pytest

from knowledge.editor import services


@pytest.fixture
def make_page(db):
    """Create a page through the real publishing workflow (rendered and indexed)."""

    def make(
        *,
        slug: str,
        title: str,
        body: str = "",
        summary: str = "",
        section: str = "brobyggermetoden",
        kind: str = "article",
        fields: dict | None = None,
        related: list | None = None,
        order: int = 1,
        publish: bool = True,
        user=None,
    ):
        content = {
            "section": section,
            "kind": kind,
            "slug": slug,
            "order": order,
            "title": title,
            "summary": summary,
            "body": body,
            "fields": fields or {},
            "related": [page.pk for page in related or []],
        }
        if publish:
            return services.page_publish(page=None, content=content, user=user)
        return services.page_save_draft(page=None, content=content, user=user)

    return make
