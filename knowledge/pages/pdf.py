"""A section of the knowledge site as a PDF (WeasyPrint through `bifrost.core.pdf`,
which loads nothing from outside), cached until the next publish."""

from django.template.loader import render_to_string
from django.utils import translation

from bifrost.core.pdf import render_pdf
from knowledge.models import Page, Section
from knowledge.pages.cache import cached

ONE_DAY = 60 * 60 * 24


def section_pdf(*, request, section: Section, pages: list[Page], version: int) -> bytes:
    """Render (or reuse) the PDF of a section in the reader's language."""

    def compute() -> bytes:
        html = render_to_string(
            "knowledge/pages/section_pdf.html",
            {"section": section, "pages": pages},
            request=request,
        )
        content, _page_count = render_pdf(html)
        return content

    language = translation.get_language()
    return cached("pdf", section.value, language, compute=compute, version=version, timeout=ONE_DAY)
