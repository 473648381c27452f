"""PDFs with WeasyPrint that load nothing from outside.

Every resource must be inline (fonts are local, images data: URIs), so the url
fetcher refuses every URL: a user's Markdown can never make the server fetch
an address.
"""

from typing import NoReturn


def refuse_url(url: str, *args, **kwargs) -> NoReturn:
    """A WeasyPrint url_fetcher that refuses everything: the PDF loads nothing from outside."""
    raise ValueError(f"external resource refused in PDF: {url}")


def preload() -> None:
    """Import WeasyPrint (and with it Pango, cairo and HarfBuzz) ahead of the first
    PDF; `bifrost.celery` does it when the PDF worker starts."""
    import weasyprint  # noqa: F401


def render_pdf(html: str) -> tuple[bytes, int]:
    """The PDF bytes of `html` and its page count."""
    from weasyprint import HTML  # heavy import, only where PDFs are made

    document = HTML(string=html, url_fetcher=refuse_url).render()
    return document.write_pdf(), len(document.pages)
