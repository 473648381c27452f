"""The editor's preview: what is typed, as the whole public page.

The typed content becomes an unsaved `Page` that the public page's own template
(`knowledge/pages/_article.html`) renders, attention-point box, change logic,
related pages and provenance included, with the Markdown sanitised exactly as
on publishing. Nothing is saved and nothing is cached. For a page that exists
the probe carries its id, so its provenance and the cases that link to it show
as readers will see them.
"""

from knowledge.editor import selectors
from knowledge.models import Kind, Page, clean_kind_fields
from knowledge.pages.selectors import pages_of_kind
from knowledge.rendering import render_markdown


def preview_page(content: dict, *, current: Page | None) -> Page:
    probe = Page(
        pk=current.pk if current is not None else None,
        status=current.status if current is not None else Page.Status.DRAFT,
        section=content["section"],
        kind=content["kind"],
        slug=content["slug"],
        order=content["order"],
        title=content["title"],
        summary=content["summary"],
        body=content["body"],
        title_en=content["title_en"],
        summary_en=content["summary_en"],
        body_en=content["body_en"],
        fields=clean_kind_fields(content["kind"], content["fields"]),
    )
    probe.body_html = render_markdown(probe.body)
    probe.body_html_en = render_markdown(probe.body_en)
    return probe


def preview_context(content: dict, related: list[Page], *, current: Page | None) -> dict:
    """The public page template's context for the preview."""
    shown = selectors.published_among(related)
    return {
        "page": preview_page(content, current=current),
        "related_by_kind": {kind.value: pages_of_kind(shown, kind) for kind in Kind},
        "cases": selectors.published_cases_linking(current),
    }
