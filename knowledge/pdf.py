"""A section of the knowledge site as a PDF (WeasyPrint, local fonts only)."""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from knowledge.models import Page, Section


def section_pdf(*, request, section: Section, pages: list[Page], version: int) -> bytes:
    """Render (or reuse) the PDF of a section. Cached until the next publish."""
    key = f"knowledge:pdf:{section.value}:{translation.get_language()}:{version}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    html = render_to_string(
        "knowledge/pdf/section.html", {"section": section, "pages": pages}, request=request
    )
    # No base_url and a fetcher that refuses everything: the PDF loads nothing
    # from outside (no network, no local files beyond the bundled fonts).
    content = HTML(string=html, url_fetcher=_refuse).write_pdf()
    cache.set(key, content, timeout=60 * 60 * 24)
    return content


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"external resource refused in PDF: {url}")
