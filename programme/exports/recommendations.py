"""Meeting 5's published recommendations as a PDF, made while the person waits (it
is short). WeasyPrint through `bifrost.core.pdf`: local fonts, nothing fetched."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from bifrost.core.pdf import render_pdf
from programme.models import Meeting, Recommendation

TEMPLATE = "programme/exports/recommendations_pdf.html"


def recommendations_pdf(
    *, request: HttpRequest, meeting: Meeting, recommendations: list[Recommendation]
) -> bytes:
    html = render_to_string(
        TEMPLATE, {"meeting": meeting, "recommendations": recommendations}, request=request
    )
    content, _pages = render_pdf(html)
    return content
